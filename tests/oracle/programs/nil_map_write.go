// Writing to a map that was declared but never made panics; reading from it is fine.
package main

import "fmt"

type cache struct {
	entries map[string]int
}

func main() {
	var c cache
	fmt.Println("read:", c.entries["a"], len(c.entries))
	c.entries["a"] = 1
	fmt.Println("never printed")
}
