// Request handlers count page views in an atomic counter shared by every
// goroutine. Add is one indivisible read-modify-write, so no update is lost.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const workers = 4           // param: 1..16 "Concurrent handlers"
const viewsPerWorker = 1000 // param: 1..5000 "Page views per handler"

type Stats struct {
	hits atomic.Int64
}

func (s *Stats) record() {
	s.hits.Add(1) // one atomic read-modify-write
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
	fmt.Printf("counted %d of %d page views\n", s.hits.Load(), want)
	if int(s.hits.Load()) != want {
		fmt.Println("lost updates")
	}
}
