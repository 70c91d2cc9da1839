// Racy: the sender writes after its buffered send; the receiver's read after the receive is
// not ordered with that write.
package main

import (
	"fmt"
	"time"
)

func main() {
	data := 0
	ch := make(chan int, 1)
	go func() {
		ch <- 1
		data = 2
	}()
	<-ch
	time.Sleep(5 * time.Millisecond)
	fmt.Println(data)
}
