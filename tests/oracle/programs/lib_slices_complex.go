// The slices and maps helpers on complex elements: search, equality, insert, compact, sort by
// a function, clear.
package main

import (
	"fmt"
	"slices"
	"maps"
)

func main() {
	xs := []complex128{1, 2i}
	fmt.Println(slices.Contains(xs, 2i), slices.Index(xs, 1), slices.Equal(xs, []complex128{1, 2i}))
	m := map[complex64]bool{1i: true}
	fmt.Println(slices.Collect(maps.Keys(m)))
	ys := slices.Clone(xs)
	ys = slices.Insert(ys, 1, 3+3i)
	fmt.Println(ys, slices.Compact([]complex64{1, 1, 2}))
	slices.SortFunc(ys, func(a, b complex128) int {
		if real(a) < real(b) {
			return -1
		}
		return 1
	})
	fmt.Println(ys)
	clear(ys)
	fmt.Println(ys)
}
