// A waiter on a sync.Cond whose condition is never signalled stays parked.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	queue := []int{}
	go func() {
		mu.Lock()
		for len(queue) == 0 {
			cond.Wait()
		}
		mu.Unlock()
	}()
	time.Sleep(time.Second)
	mu.Lock()
	queue = append(queue, 1) // forgot cond.Signal()
	mu.Unlock()
	fmt.Println("queued", len(queue))
}
