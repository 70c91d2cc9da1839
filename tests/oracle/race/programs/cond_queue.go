// Race-free: a producer appends under the Cond's lock and signals; the consumer waits in a
// loop under the same lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var queue []int
	done := make(chan bool)
	go func() {
		mu.Lock()
		for len(queue) == 0 {
			cond.Wait()
		}
		v := queue[0]
		queue = queue[1:]
		mu.Unlock()
		fmt.Println(v)
		done <- true
	}()
	time.Sleep(5 * time.Millisecond)
	mu.Lock()
	queue = append(queue, 9)
	cond.Signal()
	mu.Unlock()
	<-done
}
