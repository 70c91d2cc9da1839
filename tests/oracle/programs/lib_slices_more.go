// slices: sorting checks, searching, editing and comparing.
package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() {
	s := []int{3, 1, 2}
	fmt.Println(slices.IsSorted(s), slices.Contains(s, 2), slices.Index(s, 2))
	slices.Sort(s)
	fmt.Println(s, slices.IsSorted(s), slices.Max(s), slices.Min(s))
	i, found := slices.BinarySearch(s, 2)
	fmt.Println(i, found)
	s = slices.Insert(s, 1, 10, 11)
	fmt.Println(s)
	s = slices.Delete(s, 0, 2)
	fmt.Println(s)
	c := slices.Clone(s)
	c[0] = 99
	fmt.Println(s, c, slices.Equal(s, c))
	fmt.Println(slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}))
	r := []string{"a", "b", "c"}
	slices.Reverse(r)
	fmt.Println(r, slices.IndexFunc(r, func(x string) bool { return x < "c" }))
	words := []string{"Banana", "apple", "Cherry"}
	slices.SortFunc(words, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	fmt.Println(words, slices.ContainsFunc(words, func(w string) bool { return len(w) > 5 }))
	fmt.Println(slices.Repeat([]int{1, 2}, 2), slices.Concat([]int{1}, []int{2, 3}))
}
