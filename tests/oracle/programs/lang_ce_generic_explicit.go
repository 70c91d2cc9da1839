// An explicit type argument that does not satisfy cmp.Ordered.
package main

import (
	"cmp"
	"fmt"
)

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type point struct{ x, y int }

func main() {
	fmt.Println(Max[point](point{}, point{1, 2}))
}
