// A wrong fix of lesson 01-forgotten-sender (bad.go edited): it closes the result channel when the handler gives up, so the late worker panics.
// A handler asks a slow backend for data and gives up after a timeout.
// Nobody is left to receive the late answer, so its goroutine blocks forever.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

const requests = 10  // param: 1..10000 "Incoming requests"
const timeoutMs = 50 // param: 10..500 "Handler timeout (ms)"

// callBackend answers after 15, 35, 55, 75 or 95 ms depending on the request.
func callBackend(id int) string {
	time.Sleep(time.Duration(15+20*(id%5)) * time.Millisecond)
	return fmt.Sprintf("profile-%d", id)
}

func fetchProfile(ctx context.Context, id int) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeoutMs*time.Millisecond)
	defer cancel()

	result := make(chan string)
	defer close(result) // tell the worker nobody is listening
	go func() {
		result <- callBackend(id) // after a timeout nobody receives: blocked forever
	}()

	select {
	case r := <-result:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	var wg sync.WaitGroup
	timedOut := make([]bool, requests)
	for i := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := fetchProfile(context.Background(), i)
			timedOut[i] = err != nil
		}()
	}
	wg.Wait()
	time.Sleep(time.Second) // the server keeps running; every backend has answered by now

	failed := 0
	for _, t := range timedOut {
		if t {
			failed++
		}
	}
	fmt.Printf("served %d requests, %d timed out\n", requests, failed)
}
