// Race-free: a cache map guarded by a sync.RWMutex (readers share, the writer excludes).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.RWMutex
	cache := map[string]int{"a": 1}
	read := func(k string) {
		defer wg.Done()
		mu.RLock()
		_ = cache[k]
		mu.RUnlock()
	}
	wg.Add(3)
	go read("a")
	go read("b")
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		mu.Lock()
		cache["b"] = 2
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println(len(cache))
}
