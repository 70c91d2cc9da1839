// A wrong fix of lesson 19-unbounded-goroutines (good.go edited): it sends each request to the pool from a goroutine of its own, so the caller never waits.
// An ingest endpoint hands requests to a fixed pool of workers through a small
// queue. When the queue is full, accepting the next request waits: the burst
// is absorbed by the caller, not by goroutines and memory.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const requests = 500 // param: 1..2000 "Requests in the burst"
const workers = 8    // param: 1..64 "Pool workers (the fix only)"

const dbSlots = 8 // the database takes 8 queries at a time

func handle(db chan struct{}, id int) {
	body := make([]byte, 16<<10) // the request body, held until we are done
	body[0] = byte(id)
	db <- struct{}{} // wait for a database slot
	time.Sleep(10 * time.Millisecond)
	<-db
}

func main() {
	db := make(chan struct{}, dbSlots)
	var served atomic.Int64
	var wg sync.WaitGroup
	queue := make(chan int, workers) // bounded: a full queue pushes back
	for range workers {
		wg.Go(func() {
			for id := range queue {
				handle(db, id)
				served.Add(1)
			}
		})
	}
	for id := range requests {
		go func() { queue <- id }() // hand it over without waiting
	}
	close(queue)
	wg.Wait()
	fmt.Printf("served %d requests\n", served.Load())
}
