// One select can offer a send and a receive; only the ready one fires.
package main

import (
	"fmt"
	"time"
)

func main() {
	out := make(chan int)
	in := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		v := <-out
		time.Sleep(10 * time.Millisecond)
		fmt.Println("consumer got", v)
		in <- v + 6
	}()
	for i := 0; i < 2; i++ {
		select {
		case out <- 1:
			fmt.Println("sent")
		case v := <-in:
			fmt.Println("received", v)
		}
	}
}
