// Racy: each goroutine locks a different mutex around the same counter.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var a, b sync.Mutex
	count := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		count++
		a.Unlock()
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		b.Lock()
		count++
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println(count)
}
