// slices.Sort's elements must satisfy cmp.Ordered: complex128 does not.
package main

import (
	"fmt"
	"slices"
)

func main() {
	xs := []complex128{1, 2i}
	slices.Sort(xs)
	fmt.Println(xs)
}
