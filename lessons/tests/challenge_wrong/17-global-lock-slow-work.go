// A wrong fix of lesson 17-global-lock-slow-work (bad.go edited): it reads the map under the lock, then takes it again for the load and the write.
// A profile cache is guarded by one global mutex. On a miss it loads the
// profile from the database while still holding the lock, so every other
// request waits behind each slow load, one after another.
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
	c.mu.Unlock()
	if ok {
		return p
	}
	c.mu.Lock()
	p = loadProfile(user)
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
