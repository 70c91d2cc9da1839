// The sync/atomic types: Int32, Int64, Uint32, Uint64 and Bool, with Add, Swap,
// CompareAndSwap, And and Or.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var i32 atomic.Int32
	var i64 atomic.Int64
	var u64 atomic.Uint64
	var u32 atomic.Uint32
	var b atomic.Bool
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			i32.Add(1)
			i64.Add(-2)
			u64.Add(3)
		}()
	}
	wg.Wait()
	fmt.Println(i32.Load(), i64.Load(), u64.Load())
	fmt.Println(u32.Add(^uint32(0)), u32.Load())
	fmt.Println(b.Load(), b.Swap(true), b.Load(), b.CompareAndSwap(false, true))
	i32.Store(7)
	fmt.Println(i32.Swap(8), i32.CompareAndSwap(8, 9), i32.Load())
	u64.Store(0b1100)
	fmt.Println(u64.And(0b1010), u64.Load(), u64.Or(1), u64.Load())
	var legacy int64
	atomic.AddInt64(&legacy, 5)
	fmt.Println(atomic.LoadInt64(&legacy), atomic.CompareAndSwapInt64(&legacy, 5, 6), legacy)
}
