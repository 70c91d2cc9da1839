// An exporter collects rows with append into a slice made with the capacity it
// will need: one allocation, no copies.
package main

import "fmt"

const rows = 10000 // param: 1..100000 "Rows exported"

type Row struct {
	ID, Amount, Flags int // 24 bytes
}

const rowSize = 24

func export(n int) ([]Row, int, int) {
	out := make([]Row, 0, n)             // room for every row up front
	arrays, bytes := 1, cap(out)*rowSize // that one allocation
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
