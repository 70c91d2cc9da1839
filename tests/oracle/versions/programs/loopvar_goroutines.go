// Goroutines started in a loop read the loop variable after the loop has moved on: before Go
// 1.22 they share one variable and all print its final value.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i%3] += 10 * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
	var mu sync.Mutex
	seen := map[string]bool{}
	for _, name := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[name] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen), seen["a"], seen["c"])
}
