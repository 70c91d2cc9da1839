// Goroutines parked in select: one with cases nobody will ever fire, one with no cases at all.
package main

import (
	"fmt"
	"time"
)

func main() {
	quit := make(chan struct{})
	data := make(chan int)
	go func() {
		select {
		case v := <-data:
			fmt.Println(v)
		case <-quit:
		}
	}()
	go func() {
		select {}
	}()
	time.Sleep(time.Second)
	fmt.Println("main done")
}
