// Racy: the producer changes the shared flag without holding the Cond's lock; Signal itself
// orders nothing.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		done <- true
	}()
	time.Sleep(5 * time.Millisecond)
	ready = true
	cond.Signal()
	<-done
	fmt.Println("done")
}
