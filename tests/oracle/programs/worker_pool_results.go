// A fixed pool of workers drains a jobs channel; results are collected and sorted, and every
// goroutine ends because jobs is closed and results is drained.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	jobs := make(chan int)
	results := make(chan int, 10)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				time.Sleep(100 * time.Millisecond)
				results <- j * j
			}
		}()
	}
	for j := 1; j <= 7; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	var all []int
	for r := range results {
		all = append(all, r)
	}
	sort.Ints(all)
	fmt.Println(all, "in", time.Since(start))
}
