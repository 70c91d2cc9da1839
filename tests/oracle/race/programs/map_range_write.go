// Racy: ranging over a map reads it; a write by another goroutine races with it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	m := map[string]int{"a": 1, "b": 2}
	wg.Add(1)
	go func() {
		defer wg.Done()
		m["c"] = 3
	}()
	time.Sleep(5 * time.Millisecond)
	total := 0
	for _, v := range m {
		total += v
	}
	wg.Wait()
	fmt.Println(total > 0)
}
