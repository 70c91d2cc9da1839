// AfterFunc runs its function in its own goroutine when the timer fires; Stop cancels it.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	done := make(chan string)
	time.AfterFunc(300*time.Millisecond, func() {
		done <- fmt.Sprint("fired at ", time.Since(start))
	})
	cancelled := time.AfterFunc(100*time.Millisecond, func() {
		fmt.Println("never runs")
	})
	fmt.Println("stopped in time:", cancelled.Stop())
	fmt.Println(<-done)
	fmt.Println("stop after it fired:", cancelled.Stop())
}
