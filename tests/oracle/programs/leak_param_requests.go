// One leaked goroutine per request that times out; the number of requests is a lesson parameter.
package main

import (
	"fmt"
	"time"
)

const requests = 50 // param: 1..2000 "Incoming requests"

func handle(i int) bool {
	reply := make(chan int)
	go func() {
		time.Sleep(time.Duration(i%4) * 30 * time.Millisecond) // every 4th is fast
		reply <- i
	}()
	select {
	case <-reply:
		return true
	case <-time.After(20 * time.Millisecond):
		return false
	}
}

func main() {
	ok := 0
	for i := range requests {
		if handle(i) {
			ok++
		}
	}
	time.Sleep(time.Second)
	fmt.Println("served", ok, "of", requests)
}
