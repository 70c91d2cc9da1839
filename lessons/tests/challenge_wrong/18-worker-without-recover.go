// A wrong fix of lesson 18-worker-without-recover (bad.go edited): it recovers in the worker goroutine, which then stops taking jobs.
// A worker pool imports order records. One malformed record makes process
// index past the end of its fields. Nothing recovers the panic, and a panic in
// any goroutine ends the whole program, every other job included.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

const records = 20 // param: 1..100 "Records to import"
const workers = 4  // param: 1..16 "Workers"

type result struct {
	qty string
	err error
}

func process(rec string) result {
	time.Sleep(10 * time.Millisecond) // look up the customer, say
	fields := strings.Split(rec, ",")
	return result{qty: fields[3]} // a short record has no fields[3]: panic
}

func main() {
	jobs := make(chan string)
	results := make(chan result, records)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			defer func() { recover() }() // a bad record must not crash the program
			for rec := range jobs {
				results <- process(rec)
			}
		})
	}
	for i := range records {
		rec := fmt.Sprintf("order-%d,customer-%d,sku-%d,%d", i, i%7, i%3, i%5+1)
		if i%10 == 9 {
			rec = fmt.Sprintf("order-%d,customer-%d,sku-%d", i, i%7, i%3) // truncated upload
		}
		jobs <- rec
	}
	close(jobs)
	wg.Wait()
	close(results)

	ok, failed := 0, 0
	for r := range results {
		if r.err != nil {
			failed++
		} else {
			ok++
		}
	}
	fmt.Printf("imported %d records, %d failed\n", ok, failed)
}
