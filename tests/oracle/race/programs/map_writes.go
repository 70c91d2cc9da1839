// Racy: two goroutines write different keys of one map (Go treats the map as one location).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	m := map[string]int{}
	wg.Add(2)
	go func() {
		defer wg.Done()
		m["a"] = 1
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		m["b"] = 2
	}()
	wg.Wait()
	fmt.Println(len(m))
}
