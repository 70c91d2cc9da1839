// Closing a channel while a sender is blocked on it makes that sender panic.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		fmt.Println("sending")
		ch <- 1
		fmt.Println("never printed")
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("closing with a sender waiting")
	close(ch)
	time.Sleep(time.Second)
}
