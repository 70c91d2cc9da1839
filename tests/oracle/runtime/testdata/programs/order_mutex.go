package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				mu.Lock()
				count++
				fmt.Println("g", g, "count", count)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("final", count)
}
