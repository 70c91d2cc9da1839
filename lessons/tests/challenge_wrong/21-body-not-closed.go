// A wrong fix of lesson 21-body-not-closed (bad.go edited): it closes the body on the error path but no longer on success.
// An HTTP-style client keeps at most maxConns connections, and a response holds
// its connection until its Body is closed. The caller closes the body only on
// the success path: every error response keeps a connection forever, until the
// pool is empty and requests time out waiting for one.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

const requests = 20 // param: 1..100 "Requests (every 3rd gets a 503)"
const maxConns = 4  // param: 1..10 "Connection pool size"

type Conn struct{}

type Client struct {
	conns chan *Conn // idle connections
}

type Body struct {
	client *Client
	conn   *Conn
}

// Close returns the connection to the pool.
func (b *Body) Close() {
	if b.conn != nil {
		b.client.conns <- b.conn
		b.conn = nil
	}
}

type Response struct {
	Status int
	Body   *Body
}

func (c *Client) Get(ctx context.Context, id int) (*Response, error) {
	select {
	case conn := <-c.conns:
		time.Sleep(5 * time.Millisecond) // the round trip
		status := 200
		if id%3 == 2 {
			status = 503
		}
		return &Response{Status: status, Body: &Body{client: c, conn: conn}}, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("get item %d: waiting for a connection: %w", id, ctx.Err())
	}
}

func fetch(c *Client, id int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	resp, err := c.Get(ctx, id)
	if err != nil {
		return err
	}
	if resp.Status != 200 {
		resp.Body.Close()
		return fmt.Errorf("item %d: status %d", id, resp.Status)
	}
	return nil // decode the item from resp.Body
}

func main() {
	c := &Client{conns: make(chan *Conn, maxConns)}
	for range maxConns {
		c.conns <- &Conn{}
	}
	ok, failed, starved := 0, 0, 0
	for id := range requests {
		err := fetch(c, id)
		switch {
		case err == nil:
			ok++
		case errors.Is(err, context.DeadlineExceeded):
			starved++
		default:
			failed++
		}
	}
	fmt.Printf("%d ok, %d errors, %d starved waiting for a connection\n", ok, failed, starved)
}
