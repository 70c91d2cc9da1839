// A wrong fix of lesson 15-racy-counter (bad.go edited): it guards the increment with a mutex that each call makes for itself.
// Request handlers count page views in a plain int shared by every goroutine.
// hits++ is a load, an add and a store; two goroutines interleaving them lose
// updates.
package main

import (
	"fmt"
	"sync"
)

const workers = 4           // param: 1..16 "Concurrent handlers"
const viewsPerWorker = 1000 // param: 1..5000 "Page views per handler"

type Stats struct {
	hits int
}

func (s *Stats) record() {
	var mu sync.Mutex
	mu.Lock()
	s.hits++
	mu.Unlock()
}

func main() {
	s := &Stats{}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range viewsPerWorker {
				s.record()
			}
		})
	}
	wg.Wait()

	want := workers * viewsPerWorker
	fmt.Printf("counted %d of %d page views\n", s.hits, want)
	if s.hits != want {
		fmt.Println("lost updates")
	}
}
