// A report service is built once at startup with the server's context and
// keeps it in a field. Every request's query then runs under that stored
// context instead of the request's own: when a client gives up, nothing tells
// the query, which keeps scanning for an answer nobody will read.
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
	ctx  context.Context // stored once, used by every call
	mu   sync.Mutex
	work int // query steps executed, for all requests
}

func NewReports(ctx context.Context) *Reports {
	return &Reports{ctx: ctx}
}

func (r *Reports) Run(user int) error {
	for range steps {
		t := time.NewTimer(20 * time.Millisecond) // scan the next chunk
		select {
		case <-r.ctx.Done(): // the server's context: done only at shutdown
			t.Stop()
			return r.ctx.Err()
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
	return reports.Run(user) // ctx does not reach the query
}

func main() {
	serverCtx := context.Background() // lives as long as the server
	reports := NewReports(serverCtx)

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
