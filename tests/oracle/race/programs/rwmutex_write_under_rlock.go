// Racy: two goroutines write under RLock; read locks do not exclude each other.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.RWMutex
	total := 0
	add := func(n int) {
		defer wg.Done()
		mu.RLock()
		total = n
		mu.RUnlock()
	}
	wg.Add(2)
	go add(1)
	time.Sleep(5 * time.Millisecond)
	go add(2)
	wg.Wait()
	fmt.Println(total)
}
