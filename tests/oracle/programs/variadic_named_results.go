// Variadic functions (with and without spreading a slice), multiple and named results.
package main

import (
	"fmt"
	"strings"
)

func sum(label string, nums ...int) (total int, count int) {
	for _, n := range nums {
		total += n
	}
	count = len(nums)
	return
}

func divmod(a, b int) (int, int) { return a / b, a % b }

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func main() {
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	xs := []int{4, 5, 6, 7}
	t, c := sum("spread", xs...)
	fmt.Println(t, c)
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	q, r = divmod(-17, 5)
	fmt.Println(q, r)
	_, r = divmod(9, 4)
	fmt.Println(r)
	fmt.Println(join("-", "a", "b", "c"), join(","))
	args := []any{"x", 1, true}
	fmt.Println(args...)
}
