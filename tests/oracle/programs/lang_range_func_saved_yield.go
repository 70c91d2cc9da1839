// Range over functions: a yield called after the loop is over panics ("continued iteration
// after whole loop exit"); closures in the body capture a fresh variable per iteration.
package main

import "fmt"

var saved func(int) bool

func keep(yield func(int) bool) {
	saved = yield
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	var fs []func() int
	for i := range keep {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	saved(7)
}
