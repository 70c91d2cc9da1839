// A wrong fix of lesson 16-waitgroup-add-inside (bad.go edited): it calls wg.Add first thing in the goroutine.
// An uploader starts one goroutine per file, rate-limited by a ticker, and
// waits for them with a WaitGroup. Each goroutine calls wg.Add itself, after
// waiting for its turn, so Wait finds a zero counter and returns at once.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const files = 10  // param: 1..100 "Files to upload"
const rateMs = 20 // param: 1..500 "Rate limit: one upload start every (ms)"

func upload(id int) {
	time.Sleep(15 * time.Millisecond) // send the file
}

func main() {
	limiter := time.NewTicker(rateMs * time.Millisecond)
	defer limiter.Stop()
	var uploaded atomic.Int64
	var wg sync.WaitGroup
	for id := range files {
		go func() {
			wg.Add(1)   // counted before waiting for our turn
			<-limiter.C // wait for our turn
			defer wg.Done()
			upload(id)
			uploaded.Add(1)
		}()
	}
	wg.Wait()
	fmt.Printf("uploaded %d of %d files\n", uploaded.Load(), files)
}
