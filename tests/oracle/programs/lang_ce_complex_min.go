// min and max need ordered operands: complex numbers are not ordered.
package main

import "fmt"

func main() {
	c := 1 + 2i
	fmt.Println(min(c, 3))
}
