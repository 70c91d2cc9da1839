// Blocked senders and blocked receivers are served first come, first served.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan string, 1)
	ch <- "buffered"
	for _, name := range []string{"A", "B", "C"} {
		go func() { ch <- name }()
		time.Sleep(10 * time.Millisecond) // A blocks first, then B, then C
	}
	for range 4 {
		fmt.Print(<-ch, " ")
	}
	fmt.Println()

	jobs := make(chan int)
	var got [3]int
	var wg sync.WaitGroup
	for id := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[id] = <-jobs
		}()
		time.Sleep(10 * time.Millisecond) // receiver 0 waits first
	}
	for j := 1; j <= 3; j++ {
		jobs <- j * 100
	}
	wg.Wait()
	fmt.Println("receiver i got", got)
}
