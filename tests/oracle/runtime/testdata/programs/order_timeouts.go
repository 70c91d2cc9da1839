package main

import (
	"fmt"
	"time"
)

func main() {
	for i, d := range []time.Duration{10, 50, 30} {
		ch := make(chan int)
		go func() {
			time.Sleep(d * time.Millisecond)
			ch <- i
		}()
		select {
		case v := <-ch:
			fmt.Println("got", v)
		case <-time.After(40 * time.Millisecond):
			fmt.Println("timeout", i)
		}
	}
	time.Sleep(100 * time.Millisecond)
	fmt.Println("done")
}
