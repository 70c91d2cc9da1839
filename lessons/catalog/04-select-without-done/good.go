// Each request streams price quotes to its client through a helper goroutine.
// The helper's select also waits for the request's context, so it ends with
// the request.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

const requests = 10 // param: 1..200 "Requests"
const quotes = 3    // param: 0..20 "Quotes per request"

type Server struct {
	shutdown chan struct{} // closed only when the whole server stops
}

func (s *Server) streamQuotes(ctx context.Context, feed <-chan int) {
	for {
		select {
		case q := <-feed:
			_ = q // write the quote to the client's connection
		case <-s.shutdown:
			return
		case <-ctx.Done(): // the request is over
			return
		}
	}
}

func (s *Server) handle(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()

	feed := make(chan int)
	go s.streamQuotes(ctx, feed)
	tick := time.NewTicker(30 * time.Millisecond) // a new price every 30ms
	defer tick.Stop()
	for q := range quotes {
		select {
		case <-tick.C:
		case <-ctx.Done():
			return
		}
		feed <- q
	}
	<-ctx.Done() // the client watches until the request ends
}

func main() {
	s := &Server{shutdown: make(chan struct{})}
	var wg sync.WaitGroup
	for range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.handle(context.Background())
		}()
	}
	wg.Wait()
	fmt.Printf("served %d requests\n", requests)
}
