// Racy: the same semaphore with capacity 2 lets two goroutines in at once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	sem := make(chan int, 2)
	count := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		sem <- 1
		count++
		time.Sleep(10 * time.Millisecond)
		<-sem
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		sem <- 1
		count++
		<-sem
	}()
	wg.Wait()
	fmt.Println(count)
}
