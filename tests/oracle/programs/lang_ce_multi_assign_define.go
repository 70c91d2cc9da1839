// A tuple assignment whose value does not fit its variable: Go's compile error.
package main

import "fmt"

func two() (int, bool) { return 1, true }

func main() {
	var s string
	s, b := two()
	fmt.Println(s, b)
}
