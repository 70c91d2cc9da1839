// A profile cache is guarded by one global mutex, held only to read and write
// the map. The slow database load runs outside the lock, so requests for
// different users load in parallel.
package main

import (
	"fmt"
	"sync"
	"time"
)

const requests = 10 // param: 1..100 "Concurrent requests (distinct users)"
const loadMs = 50   // param: 1..500 "Database load time (ms)"

type Cache struct {
	mu       sync.Mutex
	profiles map[int]string
	loads    int
}

func loadProfile(user int) string {
	time.Sleep(loadMs * time.Millisecond) // a database round trip
	return fmt.Sprintf("profile-%d", user)
}

func (c *Cache) Get(user int) string {
	c.mu.Lock()
	p, ok := c.profiles[user]
	c.mu.Unlock() // never hold the lock across I/O
	if ok {
		return p
	}
	p = loadProfile(user)
	c.mu.Lock()
	c.profiles[user] = p
	c.loads++
	c.mu.Unlock()
	return p
}

func main() {
	c := &Cache{profiles: map[int]string{}}
	var wg sync.WaitGroup
	for user := range requests {
		wg.Go(func() { c.Get(user) })
	}
	wg.Wait()
	fmt.Printf("served %d requests with %d database loads\n", requests, c.loads)
}
