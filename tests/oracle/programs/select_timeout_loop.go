// A consumer with a per-message timeout: messages that arrive in time are handled, a slow one
// ends the loop.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	in := make(chan string)
	go func() {
		for _, d := range []int{30, 60, 90, 300} {
			time.Sleep(time.Duration(d) * time.Millisecond)
			in <- fmt.Sprintf("msg after %dms", d)
		}
	}()
	for {
		select {
		case m := <-in:
			fmt.Println(m, "at", time.Since(start))
		case <-time.After(200 * time.Millisecond):
			fmt.Println("timeout at", time.Since(start))
			return
		}
	}
}
