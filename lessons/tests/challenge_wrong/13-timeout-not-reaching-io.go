// A wrong fix of lesson 13-timeout-not-reaching-io (bad.go edited): it passes the context to Query, which checks it only before the call.
// Handlers have a 100ms deadline and honour it while waiting for a pooled
// connection, but Query takes no context: a request stuck on a hung backend
// keeps its connection until the backend answers, seconds later. A few such
// requests drain the pool and every request after them fails.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

const requests = 30 // param: 1..100 "Requests (one every 10ms)"
const poolSize = 4  // param: 1..16 "Connection pool size"
const hung = 4      // param: 0..20 "Requests that hit the hung backend"

type Conn struct{}

type Pool struct {
	conns chan *Conn
}

func (p *Pool) Get(ctx context.Context) (*Conn, error) {
	select {
	case c := <-p.conns:
		return c, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for a connection: %w", ctx.Err())
	}
}

func (p *Pool) Put(c *Conn) { p.conns <- c }

func backendLatency(req int) time.Duration {
	if req < hung {
		return 2 * time.Second // the backend is stuck for these
	}
	return 5 * time.Millisecond
}

func (c *Conn) Query(ctx context.Context, req int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	time.Sleep(backendLatency(req)) // no context: waits as long as the backend does
	return nil
}

func handle(ctx context.Context, pool *Pool, req int) error {
	ctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	c, err := pool.Get(ctx)
	if err != nil {
		return err
	}
	defer pool.Put(c)
	if err := c.Query(ctx, req); err != nil {
		return err
	}
	return ctx.Err() // an answer after the deadline is no answer
}

func main() {
	pool := &Pool{conns: make(chan *Conn, poolSize)}
	for range poolSize {
		pool.Put(&Conn{})
	}
	var wg sync.WaitGroup
	errs := make([]error, requests)
	for req := range requests {
		wg.Go(func() { errs[req] = handle(context.Background(), pool, req) })
		time.Sleep(10 * time.Millisecond)
	}
	wg.Wait()

	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		}
	}
	fmt.Printf("%d of %d requests answered in time\n", ok, requests)
}
