// Racy: a close that is not ordered after a send races with it (Go models send as a read of
// the channel and close as a write).
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	go func() {
		ch <- 1
	}()
	time.Sleep(5 * time.Millisecond)
	close(ch)
	fmt.Println(<-ch)
}
