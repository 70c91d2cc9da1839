// A tuple assignment whose value does not fit its variable: Go's compile error.
package main

import "fmt"

func main() {
	m := map[string]int{}
	var s string
	var ok bool
	s, ok = m["a"]
	fmt.Println(s, ok)
}
