// An ingest endpoint starts a goroutine per request. Each one holds its 16 KiB
// request body while it waits for one of 8 database slots, so a burst of
// requests becomes a burst of goroutines and memory, not of throughput.
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
	for id := range requests {
		wg.Go(func() { // one goroutine per request, however many arrive
			handle(db, id)
			served.Add(1)
		})
	}
	wg.Wait()
	fmt.Printf("served %d requests\n", served.Load())
}
