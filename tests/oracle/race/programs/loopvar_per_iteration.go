// Race-free (Go 1.22+): each iteration has its own loop variable, so closures do not share it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := i * 10
			mu.Lock()
			sum += v
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(sum)
}
