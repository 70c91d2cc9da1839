// A buffered channel as a semaphore: at most 3 of 10 jobs run at once, so 10 jobs of 100ms
// take 400ms of virtual time.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	sem := make(chan struct{}, 3)
	var mu sync.Mutex
	running, peak := 0, 0
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			mu.Lock()
			running++
			peak = max(peak, running)
			mu.Unlock()
			time.Sleep(100 * time.Millisecond)
			mu.Lock()
			running--
			mu.Unlock()
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println("peak", peak, "elapsed", time.Since(start))
}
