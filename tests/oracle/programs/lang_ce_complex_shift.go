// Only integers shift: a complex operand is a compile error.
package main

import "fmt"

func main() {
	c := 1 + 2i
	fmt.Println(c << 1)
}
