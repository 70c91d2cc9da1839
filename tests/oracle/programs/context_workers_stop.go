// Workers loop until their context is cancelled; after cancel and Wait, nothing is left running.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, wg *sync.WaitGroup, ticks *[3]int) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Duration(id+1) * 100 * time.Millisecond):
			ticks[id]++
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var ticks [3]int
	for id := 0; id < 3; id++ {
		wg.Add(1)
		go worker(ctx, id, &wg, &ticks)
	}
	time.Sleep(650 * time.Millisecond)
	cancel()
	wg.Wait()
	fmt.Println("ticks per worker:", ticks)
}
