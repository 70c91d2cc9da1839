// Race-free: data written before an atomic store is visible after the atomic load that sees it
// (atomic.Bool and atomic.Int64 types).
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var ready atomic.Bool
	var hits atomic.Int64
	data := 0
	go func() {
		data = 42
		hits.Add(1)
		ready.Store(true)
	}()
	for !ready.Load() {
		time.Sleep(time.Millisecond)
	}
	fmt.Println(data, hits.Load())
}
