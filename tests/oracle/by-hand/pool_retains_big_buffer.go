// Lesson 29 (pool-keeps-huge-buffers) on real Go's sync.Pool and collector: one 4 MiB report,
// then 50 small ones with a garbage collection after each, on one P (so Get finds the buffer
// the last Put left in that P's slot, as it does under steady load). Go 1.27.3 prints
// "keep every buffer: 4155 KiB in use after 50 GCs, the big buffer reused 50 times" and
// "drop buffers over 64 KiB: 63 KiB in use after 50 GCs, the big buffer reused 0 times"
// (the KiB vary a little from run to run; the 4 MiB does not):
// a pooled buffer survives every collection as long as it is used between two of them.
// Run: go run tests/oracle/by-hand/pool_retains_big_buffer.go
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func run(label string, maxKeep int) {
	pool := &sync.Pool{New: func() any { b := make([]byte, 0, 4<<10); return &b }}
	reused := 0
	render := func(size int) {
		bp := pool.Get().(*[]byte)
		buf := (*bp)[:0]
		if size == 4<<10 && cap(buf) > size {
			reused++
		}
		if cap(buf) < size {
			buf = make([]byte, 0, size)
		}
		*bp = buf[:0]
		if cap(buf) <= maxKeep {
			pool.Put(bp)
		}
	}
	render(4 << 20)
	for range 50 {
		render(4 << 10)
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("%s: %d KiB in use after 50 GCs, the big buffer reused %d times\n", label, m.HeapAlloc>>10, reused)
	runtime.KeepAlive(pool)
}

func main() {
	runtime.GOMAXPROCS(1)
	run("keep every buffer", 1<<62)
	runtime.GC()
	runtime.GC()
	run("drop buffers over 64 KiB", 64<<10)
}
