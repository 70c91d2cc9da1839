// A tuple assignment whose value does not fit its variable: Go's compile error.
package main

import "fmt"

func main() {
	var s string
	var b bool
	s, b = 1, true
	fmt.Println(s, b)
}
