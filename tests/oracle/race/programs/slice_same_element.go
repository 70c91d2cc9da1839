// Racy: two goroutines write the same slice element.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	results := make([]int, 4)
	wg.Add(2)
	go func() {
		defer wg.Done()
		results[0] = 1
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		results[0] = 2
	}()
	wg.Wait()
	fmt.Println(results)
}
