// A poller loops over a ticker that is never stopped and has no way to be told to quit.
package main

import (
	"fmt"
	"time"
)

func main() {
	polls := make(chan int)
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		n := 0
		for range t.C {
			n++
			polls <- n
		}
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("poll", <-polls)
	}
	fmt.Println("main returns; the poller waits for the next tick forever")
}
