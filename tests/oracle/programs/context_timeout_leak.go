// The caller gives up at its deadline, but the backend goroutine still tries to deliver its
// answer on an unbuffered channel: one goroutine leaks per timed-out call.
package main

import (
	"context"
	"fmt"
	"time"
)

func fetch(ctx context.Context, latency time.Duration) (string, error) {
	ch := make(chan string)
	go func() {
		time.Sleep(latency)
		ch <- "payload"
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	for _, ms := range []int{10, 80, 20, 90, 70} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		v, err := fetch(ctx, time.Duration(ms)*time.Millisecond)
		cancel()
		fmt.Printf("%dms %q %v\n", ms, v, err)
	}
	time.Sleep(time.Second)
}
