// Many readers share an RWMutex with one writer; TryLock fails while readers hold it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.RWMutex
	prices := map[string]int{"apple": 3}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			defer mu.RUnlock()
			time.Sleep(100 * time.Millisecond)
			_ = prices["apple"]
		}()
	}
	time.Sleep(50 * time.Millisecond)
	fmt.Println("TryLock while reading:", mu.TryLock())
	fmt.Println("TryRLock while reading:", mu.TryRLock())
	mu.RUnlock()
	wg.Wait()
	mu.Lock()
	prices["apple"] = 4
	mu.Unlock()
	fmt.Println("TryLock when free:", mu.TryLock())
	mu.Unlock()
	fmt.Println(prices)
}
