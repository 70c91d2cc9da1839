// Race-free twin of counter_two_goroutines: a sync.Mutex orders the increments.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	count := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		count++
		mu.Unlock()
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		mu.Lock()
		count++
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println(count)
}
