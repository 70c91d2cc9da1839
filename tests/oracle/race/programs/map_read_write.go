// Racy: one goroutine writes a map entry, a later one reads another key. (The comma-ok form:
// Go's report of a plain `m[1]` read of an int-keyed map loses the program's frame.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	m := map[int]int{1: 1}
	wg.Add(2)
	go func() {
		defer wg.Done()
		m[2] = 2
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		v, ok := m[1]
		fmt.Println(v, ok)
	}()
	wg.Wait()
}
