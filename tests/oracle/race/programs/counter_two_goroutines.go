// Racy: two goroutines increment a shared counter, 5 ms apart, with nothing ordering them.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	count := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		count++
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		count++
	}()
	wg.Wait()
	fmt.Println(count)
}
