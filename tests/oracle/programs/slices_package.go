// The slices package: sorting, searching and comparing without writing loops.
package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() {
	xs := []int{5, 2, 8, 2, 9}
	ys := slices.Clone(xs)
	slices.Sort(ys)
	fmt.Println(xs, ys, slices.Equal(xs, ys))
	fmt.Println(slices.Contains(xs, 8), slices.Index(xs, 2), slices.Index(xs, 7))
	fmt.Println(slices.Max(xs), slices.Min(xs), slices.Compact(ys))
	i, found := slices.BinarySearch([]int{1, 3, 5}, 4)
	fmt.Println(i, found)
	names := []string{"Bob", "alice", "Carol"}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(names)
	slices.Reverse(names)
	fmt.Println(names, slices.IndexFunc(names, func(s string) bool { return strings.HasPrefix(s, "a") }))
	fmt.Println(slices.Insert([]int{1, 4}, 1, 2, 3), slices.Delete([]int{0, 1, 2, 3}, 1, 3))
}
