// A report service renders each response into a buffer from a sync.Pool and
// puts the buffer back when it is done. One request asks for a huge report:
// its buffer grows to fit and goes back into the pool like any other, so each
// small request after it is served from that buffer: the memory stays held.
package main

import (
	"fmt"
	"sync"
)

const requests = 50 // param: 1..500 "Small requests after the big one"
const bigKB = 1024  // param: 64..8192 "The big report (KiB)"

const smallKB = 4 // a typical report

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
	bufPool.Put(bp) // back into the pool, whatever its size
	return n
}

func main() {
	total := render(bigKB) // one huge report
	for range requests {
		total += render(smallKB)
	}
	fmt.Printf("rendered %d reports, %d KiB in total\n", requests+1, total>>10)
}
