// Racy: maps with 4-byte integer keys (int32, uint32, rune) go through Go's `_fast32` runtime
// functions, which the report shows. A write or a read of an entry another goroutine wrote also
// races on the entry itself: a second report, with the program's frames only.
package main

import (
	"fmt"
	"time"
)

func main() {
	a := map[int32]int{}
	b := map[uint32]string{}
	c := map[rune]bool{}
	go func() {
		a[1] = 1
		b[2] = "x"
		c['c'] = true
	}()
	time.Sleep(10 * time.Millisecond)
	a[1] = 2
	v, ok := b[2]
	delete(c, 'c')
	time.Sleep(10 * time.Millisecond)
	fmt.Println(v, ok)
}
