// A request handler starts a worker per request and waits for the first answer or a timeout.
// When the timeout wins, nobody ever receives from the unbuffered channel: the worker leaks.
package main

import (
	"fmt"
	"time"
)

func handle(id int) string {
	ch := make(chan string)
	go func() {
		time.Sleep(time.Duration(id) * 40 * time.Millisecond)
		ch <- fmt.Sprintf("result %d", id)
	}()
	select {
	case r := <-ch:
		return r
	case <-time.After(100 * time.Millisecond):
		return "timeout"
	}
}

func main() {
	for i := 1; i <= 5; i++ {
		fmt.Println(i, handle(i))
	}
	time.Sleep(time.Second) // every worker is done sleeping: the late ones are stuck sending
}
