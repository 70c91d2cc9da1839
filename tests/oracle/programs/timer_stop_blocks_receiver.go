// Stopping a timer does not close its channel: a goroutine waiting on t.C waits forever, while
// one waiting on a timer that gets Reset is released at the new deadline.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	stopped := time.NewTimer(time.Second)
	reset := time.NewTimer(time.Second)
	released := make(chan time.Duration)
	go func() {
		<-stopped.C
		fmt.Println("never printed")
	}()
	go func() {
		<-reset.C
		released <- time.Since(start)
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("stop:", stopped.Stop(), "reset:", reset.Reset(300*time.Millisecond))
	fmt.Println("released after", <-released)
	time.Sleep(2 * time.Second)
	fmt.Println("main returns at", time.Since(start))
}
