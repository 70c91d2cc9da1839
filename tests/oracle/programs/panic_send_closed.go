// A producer sends after the channel was closed: the whole program panics.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		ch <- 1
	}()
	close(ch)
	fmt.Println("closed")
	time.Sleep(time.Second)
}
