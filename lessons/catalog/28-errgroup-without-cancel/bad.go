// A search fans out to every shard and waits for all of them with a small
// errgroup. One shard fails fast, but the group has no context: the others
// never hear of it and scan to the end, for a result that is thrown away.
//
// Group is a minimal copy of golang.org/x/sync/errgroup, written here because
// that module is not part of the standard library.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

const shards = 8    // param: 2..50 "Shards searched in parallel"
const chunks = 10   // param: 1..50 "Chunks per shard (20 ms each)"
const failAtMs = 30 // param: 5..995 "When the broken shard fails (ms)"

// Group runs functions in goroutines and keeps the first error.
type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel context.CancelFunc // nil: nobody is told about the first error
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel()
				}
			})
		}
	}()
}

// WithContext returns a Group whose first error cancels the context it returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel()
	}
	return g.err
}

var ErrShardDown = errors.New("shard unavailable")

var scanned int // chunks scanned by all shards
var mu sync.Mutex

func searchShard(ctx context.Context, shard int) error {
	if shard == 0 {
		time.Sleep(failAtMs * time.Millisecond)
		return fmt.Errorf("shard %d: %w", shard, ErrShardDown)
	}
	for range chunks {
		t := time.NewTimer(20 * time.Millisecond) // scan one chunk
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
			mu.Lock()
			scanned++
			mu.Unlock()
		}
	}
	return nil
}

func main() {
	start := time.Now()
	g := &Group{} // no context: the shards cannot be stopped
	ctx := context.Background()
	for shard := range shards {
		g.Go(func() error { return searchShard(ctx, shard) })
	}
	err := g.Wait()
	fmt.Printf("search failed after %d ms: %v\n", time.Since(start).Milliseconds(), err)
	fmt.Printf("%d chunks scanned for a result nobody gets\n", scanned)
}
