// A return inside a range-over-func loop leaves the enclosing function; defers in the loop
// body belong to the enclosing function too.
package main

import "fmt"

func seq(yield func(int) bool) {
	defer fmt.Println("seq cleanup")
	for i := 1; ; i++ {
		if !yield(i) {
			return
		}
	}
}

func firstOver(limit int) int {
	defer fmt.Println("firstOver returns")
	for v := range seq {
		defer fmt.Println("deferred in body", v)
		if v*v > limit {
			return v
		}
	}
	return -1
}

func main() {
	fmt.Println(firstOver(5))
}
