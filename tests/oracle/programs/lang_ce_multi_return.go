// Returning a multi-valued call whose result does not fit the function's: Go's compile error.
package main

import "fmt"

func two() (int, bool) { return 1, true }

func f() (string, bool) {
	return two()
}

func main() {
	fmt.Println(f())
}
