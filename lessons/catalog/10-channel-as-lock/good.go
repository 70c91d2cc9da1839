// Order workers count valid orders in a shared atomic counter: one indivisible
// operation, no lock to acquire, so no lock to forget.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const orders = 20 // param: 1..100 "Orders"
const workers = 4 // param: 1..16 "Workers"

type Stats struct {
	valid atomic.Int64
}

func (s *Stats) record(order int) error {
	if order%7 == 6 {
		return fmt.Errorf("order %d: invalid", order) // nothing to release
	}
	s.valid.Add(1)
	return nil
}

func (s *Stats) count() int {
	return int(s.valid.Load())
}

func main() {
	s := &Stats{}
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
