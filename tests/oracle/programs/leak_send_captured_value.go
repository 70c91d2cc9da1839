// Forgotten senders of two kinds. Go's goroutine leak profile proves only the second kind
// leaked: the first sends a variable its closure captured next to the channel, and the blocked
// send's pointer to that variable keeps the closure, so the channel, reachable for Go's
// collector. Nothing can ever receive from either; golite proves both.
package main

import (
	"fmt"
	"time"
)

func sendCaptured(id int) {
	ch := make(chan int)
	go func() {
		ch <- id
	}()
}

func sendConstant() {
	ch := make(chan int)
	go func() {
		ch <- 1
	}()
}

func main() {
	for i := range 3 {
		sendCaptured(i)
		sendConstant()
	}
	time.Sleep(time.Millisecond)
	fmt.Println("done")
}
