// Race-free: two goroutines write different fields of one struct (separate locations).
package main

import (
	"fmt"
	"sync"
	"time"
)

type Stats struct {
	Reads, Writes int
}

func main() {
	var wg sync.WaitGroup
	s := &Stats{}
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.Reads = 1
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		s.Writes = 2
	}()
	wg.Wait()
	fmt.Println(*s)
}
