// A wrong fix of lesson 14-cancel-never-called (bad.go edited): it bounds the stream's context with a long timeout instead of cancelling it.
// Each request opens a stream whose keep-alive goroutine runs until the
// stream's context is cancelled. The cancel func is kept for Close, and the
// handler never calls Close: the keep-alives outlive their requests.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

const requests = 10 // param: 1..200 "Requests"
const useMs = 100   // param: 10..1000 "Time each request uses its stream (ms)"

type Stream struct {
	cancel context.CancelFunc
}

func Open(ctx context.Context) *Stream {
	ctx, cancel := context.WithTimeout(ctx, time.Minute) // keep-alives end eventually
	s := &Stream{cancel: cancel}
	go s.keepAlive(ctx)
	return s
}

func (s *Stream) keepAlive(ctx context.Context) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select { // ends only when the stream's context is cancelled
		case <-t.C:
			// ping the backend so it keeps the stream open
		case <-ctx.Done():
			return
		}
	}
}

func (s *Stream) Recv() {
	time.Sleep(useMs * time.Millisecond) // read the response from the stream
}

func (s *Stream) Close() { s.cancel() }

func handle(ctx context.Context) {
	s := Open(ctx) // forgot: defer s.Close()
	s.Recv()
}

func main() {
	server := context.Background() // lives as long as the process
	var wg sync.WaitGroup
	for range requests {
		wg.Go(func() { handle(server) })
	}
	wg.Wait()
	fmt.Printf("served %d requests\n", requests)
}
