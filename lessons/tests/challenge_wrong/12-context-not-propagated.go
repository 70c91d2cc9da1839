// A wrong fix of lesson 12-context-not-propagated (bad.go edited): it gives the query a deadline of its own instead of the request's context.
// A client gives up on a report after a timeout. The handler runs the report
// query with context.Background() instead of the request's context, so the
// database keeps working for an answer nobody will read.
package main

import (
	"context"
	"fmt"
	"time"
)

const steps = 10           // param: 1..50 "Query steps (20ms each)"
const clientTimeoutMs = 95 // param: 5..1995 "Client timeout (ms)"

type DB struct {
	work int // query steps executed: the database's load
}

func (db *DB) Query(ctx context.Context) error {
	for range steps {
		t := time.NewTimer(20 * time.Millisecond) // scan the next chunk
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
			db.work++
		}
	}
	return nil
}

func handle(ctx context.Context, db *DB) error {
	qctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return db.Query(qctx)
}

func main() {
	db := &DB{}
	ctx, cancel := context.WithTimeout(context.Background(), clientTimeoutMs*time.Millisecond)
	defer cancel()

	errc := make(chan error, 1)
	go func() { errc <- handle(ctx, db) }()
	select {
	case err := <-errc:
		fmt.Println("client got the report, err:", err)
		errc <- err
	case <-ctx.Done():
		fmt.Println("client gave up:", ctx.Err())
	}

	err := <-errc // the handler finishes in its own time
	fmt.Printf("handler returned %v after %d of %d query steps\n", err, db.work, steps)
}
