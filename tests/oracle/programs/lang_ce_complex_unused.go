// real(c) computes a value: as a statement alone it is a compile error.
package main

import "fmt"

func main() {
	c := 1 + 2i
	real(c)
	fmt.Println(c)
}
