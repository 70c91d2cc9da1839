// Atomic adds from many goroutines; CompareAndSwap and Swap return the old state.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var legacy int32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(2)
			atomic.AddInt32(&legacy, 1)
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load(), atomic.LoadInt32(&legacy))
	fmt.Println(hits.CompareAndSwap(100, 1), hits.CompareAndSwap(100, 2), hits.Load())
	fmt.Println(hits.Swap(9), hits.Load())
	var flag atomic.Bool
	fmt.Println(flag.Load(), flag.CompareAndSwap(false, true), flag.Load())
}
