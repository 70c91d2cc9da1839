// Race-free: an unbuffered receive is synchronized before its send completes, so main's write
// before the receive is visible to the sender after its send.
package main

import (
	"fmt"
	"time"
)

func main() {
	data := 0
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		ch <- 1
		data++
		done <- true
	}()
	time.Sleep(5 * time.Millisecond)
	data = 10
	<-ch
	<-done
	fmt.Println(data)
}
