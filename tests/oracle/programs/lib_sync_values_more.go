// atomic.Value's Swap and CompareAndSwap, sync.Map.Range stopping early, sync.Pool reuse, a
// log.Logger with a date on the fake clock writing into a bytes.Buffer, errors.ErrUnsupported.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var v atomic.Value
	fmt.Println(v.Load() == nil, v.CompareAndSwap(nil, 1))
	fmt.Println(v.Swap(2), v.Load(), v.CompareAndSwap(1, 3), v.CompareAndSwap(2, 3), v.Load())

	var m sync.Map
	for i := range 5 {
		m.Store(i, i*i)
	}
	seen := 0
	m.Range(func(k, v any) bool {
		seen++
		return seen < 2
	})
	fmt.Println("seen", seen)
	m.CompareAndDelete(1, 1)
	_, ok := m.Load(1)
	fmt.Println(ok)

	p := sync.Pool{New: func() any { return "fresh" }}
	p.Put("reused")
	fmt.Println(p.Get(), p.Get())

	time.Sleep(90 * time.Minute)
	var buf bytes.Buffer
	lg := log.New(&buf, "svc ", log.LstdFlags|log.Lmsgprefix)
	lg.Printf("started %d", 1)
	lg.SetFlags(log.Ltime)
	lg.Print("again")
	fmt.Print(buf.String())
	fmt.Println(lg.Prefix(), lg.Flags(), lg.Writer() == &buf)
	err := fmt.Errorf("open: %w", errors.ErrUnsupported)
	fmt.Println(err, errors.Is(err, errors.ErrUnsupported))
}
