// time.After in a select loop: each iteration makes a new timer; the last message wins the race
// only while messages arrive faster than the timeout. Since Go 1.23 unreferenced timers are
// collected, so this no longer leaks timers.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	msgs := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(time.Duration(i) * 40 * time.Millisecond)
			msgs <- i
		}
	}()
	for {
		select {
		case m := <-msgs:
			fmt.Println("message", m, "at", time.Since(start))
		case <-time.After(100 * time.Millisecond):
			fmt.Println("idle timeout at", time.Since(start))
			return
		}
	}
}
