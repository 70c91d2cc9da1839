// Go 1.25's WaitGroup.Go starts a goroutine and does the Add/Done bookkeeping.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := range 5 {
		wg.Go(func() {
			time.Sleep(time.Duration(5-i) * 10 * time.Millisecond)
			results[i] = i * i
		})
	}
	wg.Wait()
	fmt.Println(results, "after", time.Since(start))
}
