// Generic functions with type inference: Map, Filter and Reduce over any element type.
package main

import (
	"fmt"
	"strconv"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func main() {
	xs := []int{1, 2, 3, 4}
	strs := Map(xs, strconv.Itoa)
	fmt.Printf("%q\n", strs)
	even := Filter(xs, func(n int) bool { return n%2 == 0 })
	fmt.Println(even)
	fmt.Println(Reduce(xs, 0.5, func(a float64, n int) float64 { return a + float64(n) }))
	explicit := Map[int, bool]
	fmt.Println(explicit(xs, func(n int) bool { return n > 2 }))
}
