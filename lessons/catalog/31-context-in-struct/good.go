// A report service is built once at startup and keeps no context. Every call
// takes the request's context as its first argument, so when a client gives
// up, its query stops at the next chunk.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

const clients = 3          // param: 1..20 "Concurrent clients"
const steps = 10           // param: 1..50 "Query steps (20ms each)"
const clientTimeoutMs = 95 // param: 5..1995 "Client timeout (ms)"

type Reports struct {
	mu   sync.Mutex
	work int // query steps executed, for all requests
}

func NewReports() *Reports {
	return &Reports{}
}

func (r *Reports) Run(ctx context.Context, user int) error {
	for range steps {
		t := time.NewTimer(20 * time.Millisecond) // scan the next chunk
		select {
		case <-ctx.Done(): // this request's context: done when its client gives up
			t.Stop()
			return ctx.Err()
		case <-t.C:
			r.mu.Lock()
			r.work++
			r.mu.Unlock()
		}
	}
	return nil
}

// handle serves one request; ctx is the request's context.
func handle(ctx context.Context, reports *Reports, user int) error {
	return reports.Run(ctx, user) // ctx flows down with the call
}

func main() {
	serverCtx := context.Background() // lives as long as the server
	reports := NewReports()

	var handlers sync.WaitGroup
	answered := make(chan bool, clients)
	for user := range clients {
		ctx, cancel := context.WithTimeout(serverCtx, clientTimeoutMs*time.Millisecond)
		errc := make(chan error, 1)
		handlers.Go(func() { errc <- handle(ctx, reports, user) })
		go func() { // the client waits for its report, or gives up
			defer cancel()
			select {
			case <-errc:
				answered <- true
			case <-ctx.Done():
				answered <- false
			}
		}()
	}
	gaveUp := 0
	for range clients {
		if !<-answered {
			gaveUp++
		}
	}
	fmt.Printf("%d of %d clients gave up after %d ms\n", gaveUp, clients, clientTimeoutMs)
	handlers.Wait() // the server finishes what it started
	fmt.Printf("the reports ran %d of %d query steps\n", reports.work, clients*steps)
}
