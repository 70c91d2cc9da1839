// A wrong fix of lesson 04-select-without-done (bad.go edited): it signals the end of a request by closing the server's shutdown channel.
// Each request streams price quotes to its client through a helper goroutine.
// The helper's select waits for a quote or for server shutdown, never for the
// request's own end, so it outlives every request.
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
		select { // waits for a quote or shutdown: neither comes once the request is over
		case q := <-feed:
			_ = q // write the quote to the client's connection
		case <-s.shutdown:
			return
		}
	}
}

func (s *Server) handle(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	defer close(s.shutdown) // stop the helper when the request ends

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
