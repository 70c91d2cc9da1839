// Race-free: results written before wg.Done are visible after wg.Wait.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	total := 0
	parts := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = i + 1
		}()
	}
	wg.Wait()
	for _, p := range parts {
		total += p
	}
	fmt.Println(total)
}
