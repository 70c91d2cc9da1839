// 100 goroutines increment a shared counter under a mutex: no update is lost.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *counter) inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[key]++
}

func main() {
	c := counter{n: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%3 == 0 {
				c.inc("fizz")
			} else {
				c.inc("other")
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.n)
}
