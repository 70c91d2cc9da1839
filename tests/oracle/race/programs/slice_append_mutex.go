// Race-free twin of slice_append: appends under a mutex.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var s []int
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		s = append(s, 1)
		mu.Unlock()
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		mu.Lock()
		s = append(s, 2)
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println(len(s))
}
