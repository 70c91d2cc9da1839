// A wrong fix of lesson 03-afterfunc-no-cancel (bad.go edited): it closes the expired channel in Close instead of stopping the timers.
// A session cache expires each entry with time.AfterFunc and drops the *Timer.
// Close cannot cancel the expirations still pending: they fire into a closed cache.
package main

import (
	"fmt"
	"sync"
	"time"
)

const sessions = 20 // param: 1..200 "Sessions stored"
const ttlMs = 100   // param: 10..1000 "Session TTL (ms)"

type Cache struct {
	mu      sync.Mutex
	entries map[int]string
	expired chan int      // read by the metrics reporter until Close
	done    chan struct{} // closed by Close
	stopped chan struct{} // closed when the reporter has exited
	count   int           // expirations reported
}

func NewCache() *Cache {
	c := &Cache{
		entries: map[int]string{},
		expired: make(chan int),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	go c.report()
	return c
}

func (c *Cache) report() {
	defer close(c.stopped)
	for {
		select {
		case <-c.expired:
			c.count++
		case <-c.done:
			return
		}
	}
}

func (c *Cache) Set(id int, user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[id] = user
	time.AfterFunc(ttlMs*time.Millisecond, func() { // the *Timer is thrown away
		c.mu.Lock()
		delete(c.entries, id)
		c.mu.Unlock()
		c.expired <- id // after Close nobody receives: blocked forever
	})
}

func (c *Cache) Close() {
	close(c.done)
	<-c.stopped
	close(c.expired) // late expirations have nowhere to go
}

func main() {
	c := NewCache()
	for i := range sessions {
		c.Set(i, fmt.Sprintf("user-%d", i))
	}
	time.Sleep(55 * time.Millisecond) // serve for a while, then shut the cache down
	c.Close()
	fmt.Printf("cache closed after %d expirations\n", c.count)
	time.Sleep(2 * time.Second) // the process keeps running
}
