// comparable allows == in generic code: Index and a generic Set built on a map.
package main

import (
	"fmt"
	"slices"
)

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }

type point struct{ x, y int }

func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func main() {
	fmt.Println(Index([]string{"a", "b"}, "b"), Index([]int{1}, 5))
	s := Set[point]{}
	s.Add(point{1, 2})
	fmt.Println(s.Has(point{1, 2}), s.Has(point{2, 1}), len(s))
	ks := Keys(map[string]int{"z": 1, "a": 2})
	slices.Sort(ks)
	fmt.Println(ks)
}
