// Arithmetic on typed constants is exact and checked: a result that does not fit the type is a
// compile error at the expression, not a value that wraps around as it would at run time.
package main

import "fmt"

func main() {
	var u uint8 = 255
	u++
	fmt.Println(u, uint8(255)+1 == 0)
}
