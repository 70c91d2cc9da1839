// A union written in the type parameter list is named as written (no interface{...}) in the
// error for an operation one of its terms lacks.
package main

import "fmt"

func Neg[T ~int | ~string](x T) T { return -x }

func main() {
	fmt.Println(Neg(2))
}
