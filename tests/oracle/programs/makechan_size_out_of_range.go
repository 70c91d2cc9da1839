package main

import "fmt"

// Go's makechan refuses a buffer larger than maxAlloc (1<<48 bytes on 64-bit) before allocating
// anything; a channel of zero-size elements may have any capacity.
func main() {
	e := make(chan struct{}, 1<<62)
	fmt.Println(len(e), cap(e))
	small := make(chan int, 3)
	fmt.Println(cap(small))
	big := make(chan int, 1<<62)
	fmt.Println(cap(big))
}
