// == needs a comparable constraint: `any` includes slices, maps and functions.
package main

import "fmt"

func Contains[T any](xs []T, v T) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

func main() {
	fmt.Println(Contains([]string{"a"}, "a"))
}
