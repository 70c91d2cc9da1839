// Operations on a nil channel block forever: a channel that was declared but never made.
package main

import "fmt"

type server struct {
	requests chan string
	replies  chan string
}

func main() {
	var s server // channels are nil: nobody called make
	go func() { s.requests <- "ping" }()
	go func() { fmt.Println(<-s.replies) }()
	go func() { fmt.Println(<-s.replies) }()
	fmt.Println("started")
}
