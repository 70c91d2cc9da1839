// Closures made in a loop: one variable per loop before Go 1.22 (all see the last value),
// one per iteration since.
package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, v := range []int{4, 5, 6} {
		fs = append(fs, func() int { return v })
	}
	for k := range map[string]int{"only": 1} {
		fs = append(fs, func() int { return len(k) })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
