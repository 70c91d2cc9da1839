// A report service renders each response into a buffer from a sync.Pool and
// puts the buffer back when it is done, unless the buffer has grown past 64 KiB:
// then it is dropped for the garbage collector, as fmt does with its own buffers.
// One huge report no longer leaves its memory behind in the pool.
package main

import (
	"fmt"
	"sync"
)

const requests = 50 // param: 1..500 "Small requests after the big one"
const bigKB = 1024  // param: 64..8192 "The big report (KiB)"

const smallKB = 4    // a typical report
const maxKeepKB = 64 // larger buffers are not worth keeping

var bufPool = sync.Pool{
	New: func() any {
		b := make([]byte, 0, smallKB<<10)
		return &b
	},
}

// render writes a report of sizeKB into a pooled buffer and returns its length.
func render(sizeKB int) int {
	bp := bufPool.Get().(*[]byte)
	buf := (*bp)[:0]
	if cap(buf) < sizeKB<<10 {
		buf = make([]byte, 0, sizeKB<<10) // grow to fit this report
	}
	buf = buf[:sizeKB<<10] // the report, written
	n := len(buf)
	*bp = buf[:0]
	if len(*bp) > maxKeepKB<<10 { // len, not cap: always 0 here
		return n // too big to keep: let the GC have it
	}
	bufPool.Put(bp)
	return n
}

func main() {
	total := render(bigKB) // one huge report
	for range requests {
		total += render(smallKB)
	}
	fmt.Printf("rendered %d reports, %d KiB in total\n", requests+1, total>>10)
}
