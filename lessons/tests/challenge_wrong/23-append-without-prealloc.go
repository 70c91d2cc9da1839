// A wrong fix of lesson 23-append-without-prealloc (bad.go edited): it makes the slice with length n, then appends.
// An exporter collects rows with append, starting from an empty slice. Each
// time the slice outgrows its backing array, append allocates a bigger one and
// copies every row across: many allocations, and old and new arrays both alive
// at each copy.
package main

import "fmt"

const rows = 10000 // param: 1..100000 "Rows exported"

type Row struct {
	ID, Amount, Flags int // 24 bytes
}

const rowSize = 24

func export(n int) ([]Row, int, int) {
	out := make([]Row, n) // room for every row up front
	arrays, bytes := 1, cap(out)*rowSize
	for i := range n {
		before := cap(out)
		out = append(out, Row{ID: i, Amount: i * 7 % 1000, Flags: i & 7})
		if cap(out) != before { // append allocated a new array and copied
			arrays++
			bytes += cap(out) * rowSize
		}
	}
	return out, arrays, bytes
}

func main() {
	out, arrays, bytes := export(rows)
	sum := 0
	for _, r := range out {
		sum += r.Amount
	}
	fmt.Printf("exported %d rows (amount %d)\n", len(out), sum)
	fmt.Printf("%d arrays allocated, %d bytes in total for %d bytes of rows\n",
		arrays, bytes, len(out)*rowSize)
}
