// A wrong fix of lesson 02-range-never-closed (bad.go edited): it closes the results channel instead of the queue.
// A worker pool drains a job queue with `for job := range jobs`.
// Nobody closes the queue, so the workers wait for more jobs forever.
package main

import (
	"fmt"
	"time"
)

const workers = 4 // param: 1..32 "Workers"
const jobs = 20   // param: 1..100 "Jobs"

func worker(queue <-chan int, results chan<- int) {
	for job := range queue { // ends only when the queue is closed
		time.Sleep(10 * time.Millisecond) // resize an image, say
		results <- job * job
	}
}

func main() {
	queue := make(chan int, jobs)
	results := make(chan int, jobs)
	for range workers {
		go worker(queue, results)
	}

	for i := range jobs {
		queue <- i
	}
	close(results) // done sending

	sum := 0
	for range jobs {
		sum += <-results
	}
	fmt.Printf("processed %d jobs, checksum %d\n", jobs, sum)
}
