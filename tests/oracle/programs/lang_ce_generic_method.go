// A constraint with a method: int has no String method.
package main

import "fmt"

type Stringer interface{ String() string }

func Show[T Stringer](xs []T) {
	for _, x := range xs {
		fmt.Println(x.String())
	}
}

func main() {
	Show([]int{1, 2})
}
