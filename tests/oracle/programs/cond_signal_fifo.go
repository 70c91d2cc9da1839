// Cond.Signal wakes one waiter, the one that has waited longest.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	tokens := 0
	served := make(chan string)
	for _, name := range []string{"first", "second", "third"} {
		go func() {
			mu.Lock()
			for tokens == 0 {
				cond.Wait()
			}
			tokens--
			mu.Unlock()
			served <- name
		}()
		time.Sleep(10 * time.Millisecond) // waits start in this order
	}
	for range 2 {
		mu.Lock()
		tokens++
		cond.Signal()
		mu.Unlock()
		fmt.Println("served", <-served)
	}
	fmt.Println("one still waiting")
}
