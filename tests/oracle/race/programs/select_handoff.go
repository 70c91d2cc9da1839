// Race-free: a value handed over in a select case carries the write before it.
package main

import (
	"fmt"
	"time"
)

func main() {
	data := 0
	a := make(chan int)
	b := make(chan int)
	go func() {
		data = 4
		select {
		case a <- 1:
		case b <- 2:
		}
	}()
	time.Sleep(5 * time.Millisecond)
	select {
	case <-a:
	case <-b:
	}
	fmt.Println(data)
}
