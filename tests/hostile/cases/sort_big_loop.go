// hostile: sorting a million ints again and again
// expect: limit
package main

import "sort"

func main() {
	s := make([]int, 1000000)
	for {
		sort.Ints(s)
	}
}
