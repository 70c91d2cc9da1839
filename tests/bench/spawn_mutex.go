// Spawn 100k goroutines that each take a mutex, bump a counter and call wg.Done.
package main

import (
	"fmt"
	"sync"
)

const workers = 100000

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("count:", count)
}
