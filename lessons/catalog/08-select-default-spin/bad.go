// An ingest service hands jobs to a worker through a queue. Both sides use
// select with default: the producer drops a job when the queue is full, and the
// worker polls when it is empty. Nothing blocks, so nothing pushes back.
package main

import (
	"fmt"
	"time"
)

const batch = 8     // param: 1..20 "Jobs per batch"
const queueSize = 4 // param: 1..16 "Queue capacity"

func worker(queue <-chan int, done chan<- [2]int) {
	processed, polls := 0, 0
	for {
		select {
		case _, ok := <-queue:
			if !ok {
				done <- [2]int{processed, polls}
				return
			}
			time.Sleep(30 * time.Millisecond) // handle the job
			processed++
		default: // nothing to do yet: look again shortly
			polls++
			time.Sleep(2 * time.Millisecond)
		}
	}
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
			default: // queue full: the job is silently dropped
				dropped++
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	close(queue)

	r := <-done
	fmt.Printf("processed %d, dropped %d, idle polls %d\n", r[0], dropped, r[1])
}
