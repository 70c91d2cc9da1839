// complex64 and complex128 do not mix without a conversion.
package main

import "fmt"

func main() {
	var a complex64 = 1i
	var b complex128 = 2
	fmt.Println(a + b)
}
