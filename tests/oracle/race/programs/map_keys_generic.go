// Racy: maps with 1- and 2-byte integer keys, bool and float keys have no specialised runtime
// function in Go: the report shows the generic `runtime.mapassign`, `mapaccess2`, `mapdelete`.
package main

import (
	"fmt"
	"time"
)

func main() {
	a := map[int8]int{}
	b := map[uint16]int{}
	c := map[bool]int{}
	d := map[float64]int{}
	go func() {
		a[1] = 1
		b[2] = 2
		c[true] = 3
		d[1.5] = 4
	}()
	time.Sleep(10 * time.Millisecond)
	a[2] = 1
	v, ok := b[3]
	delete(c, true)
	for range d {
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println(v, ok)
}
