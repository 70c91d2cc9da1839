// slices and maps iterator helpers: All, Values, Backward, Collect, Sorted, Chunk.
package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	s := []string{"a", "b", "c"}
	for i, v := range slices.All(s) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i, v := range slices.Backward(s) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(slices.Values(s)))
	m := map[string]int{"z": 26, "a": 1, "m": 13}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Sorted(maps.Values(m)))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	m2 := maps.Collect(slices.All([]string{"x", "y"}))
	fmt.Println(m2)
}
