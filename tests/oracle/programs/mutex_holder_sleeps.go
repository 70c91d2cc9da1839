// One lock held across slow work serialises everyone: 5 requests of 100ms take 500ms.
// (Real Go's synctest cannot advance its clock while goroutines wait on a sync.Mutex, so the
// harness swaps in its channel-based mutex for this program:)
// oracle: durable-mutex
package main

import (
	"fmt"
	"sync"
	"time"
)

type store struct {
	mu   sync.Mutex
	data map[int]int
}

func (s *store) slowUpdate(k int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	time.Sleep(100 * time.Millisecond) // slow work while holding the lock
	s.data[k] = k * k
}

func main() {
	start := time.Now()
	s := &store{data: map[int]int{}}
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.slowUpdate(i)
		}()
	}
	wg.Wait()
	fmt.Println("all done after", time.Since(start), len(s.data))
}
