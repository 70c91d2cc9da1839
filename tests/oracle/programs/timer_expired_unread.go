// Go 1.23+: a timer that expired while nobody received keeps no stale value after Stop or Reset.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(100 * time.Millisecond)
	time.Sleep(time.Second) // the timer expires, nobody receives
	fmt.Println("len(C) after expiry:", len(t.C))
	fmt.Println("reset:", t.Reset(400*time.Millisecond))
	<-t.C // no stale value: this waits for the new deadline
	fmt.Println("received after", time.Since(start))
	select {
	case <-t.C:
		fmt.Println("stale value")
	default:
		fmt.Println("nothing more in C")
	}
}
