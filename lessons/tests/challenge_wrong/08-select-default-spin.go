// A wrong fix of lesson 08-select-default-spin (good.go edited): it blocks in the worker but still drops jobs when the queue is full.
// An ingest service hands jobs to a worker through a queue. The producer's send
// blocks when the queue is full, so a slow worker slows the producer down, and
// the worker blocks on an empty queue instead of polling it.
package main

import (
	"fmt"
	"time"
)

const batch = 8     // param: 1..20 "Jobs per batch"
const queueSize = 4 // param: 1..16 "Queue capacity"

func worker(queue <-chan int, done chan<- [2]int) {
	processed, polls := 0, 0
	for range queue { // sleeps until a job arrives or the queue is closed
		time.Sleep(30 * time.Millisecond) // handle the job
		processed++
	}
	done <- [2]int{processed, polls}
}

func main() {
	queue := make(chan int, queueSize)
	done := make(chan [2]int)
	go worker(queue, done)

	dropped := 0
	time.Sleep(time.Millisecond) // batches arrive at 1ms, 101ms, 201ms
	for b := range 3 {
		for j := range batch {
			select {
			case queue <- b*batch + j:
			default: // queue full: drop the job
				dropped++
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	close(queue)

	r := <-done
	fmt.Printf("processed %d, dropped %d, idle polls %d\n", r[0], dropped, r[1])
}
