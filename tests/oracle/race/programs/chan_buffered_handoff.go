// Race-free: a write before a buffered send is visible after the matching receive.
package main

import (
	"fmt"
	"time"
)

func main() {
	data := 0
	ch := make(chan int, 3)
	go func() {
		data = 5
		ch <- 1
	}()
	time.Sleep(5 * time.Millisecond)
	<-ch
	fmt.Println(data)
}
