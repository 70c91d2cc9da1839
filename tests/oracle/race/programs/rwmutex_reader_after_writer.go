// Race-free: a writer under Lock, then readers under RLock see its write.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.RWMutex
	version := 0
	wg.Add(3)
	go func() {
		defer wg.Done()
		mu.Lock()
		version = 2
		mu.Unlock()
	}()
	time.Sleep(5 * time.Millisecond)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			mu.RLock()
			_ = version
			mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println(version)
}
