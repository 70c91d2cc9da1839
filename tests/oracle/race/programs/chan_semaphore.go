// Race-free: a buffered channel of capacity 1 used as a lock: the k-th receive is synchronized
// before the (k+1)-th send completes.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	sem := make(chan int, 1)
	count := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- 1
			count++
			<-sem
		}()
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
	fmt.Println(count)
}
