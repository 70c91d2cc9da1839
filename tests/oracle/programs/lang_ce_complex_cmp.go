// cmp.Compare wants a cmp.Ordered type: complex128 is not one.
package main

import (
	"cmp"
	"fmt"
)

func main() {
	a, b := 1i, 2i
	fmt.Println(cmp.Compare(a, b))
}
