// A wrong fix of lesson 10-channel-as-lock (bad.go edited): it defers the release but keeps the explicit one too.
// Order workers count valid orders in a shared counter guarded by a channel
// used as a lock: a send acquires it, a receive releases it. One early return
// forgets to release, and every later caller waits forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

const orders = 20 // param: 1..100 "Orders"
const workers = 4 // param: 1..16 "Workers"

type Stats struct {
	lock  chan struct{} // capacity 1: at most one holder
	valid int
}

func (s *Stats) record(order int) error {
	s.lock <- struct{}{} // acquire
	defer func() { <-s.lock }() // release on every path
	if order%7 == 6 {
		return fmt.Errorf("order %d: invalid", order) // still holding the lock
	}
	s.valid++
	<-s.lock // release
	return nil
}

func (s *Stats) count() int {
	s.lock <- struct{}{}
	defer func() { <-s.lock }()
	return s.valid
}

func main() {
	s := &Stats{lock: make(chan struct{}, 1)}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for order := range jobs {
				time.Sleep(5 * time.Millisecond) // validate the order
				_ = s.record(order)
			}
		})
	}
	for order := range orders {
		jobs <- order
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d valid orders\n", s.count())
}
