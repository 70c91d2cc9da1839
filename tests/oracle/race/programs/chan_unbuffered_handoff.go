// Race-free: a write before an unbuffered send is visible after the receive.
package main

import "fmt"

func main() {
	data := 0
	ch := make(chan int)
	go func() {
		data = 1
		ch <- 1
	}()
	<-ch
	data++
	fmt.Println(data)
}
