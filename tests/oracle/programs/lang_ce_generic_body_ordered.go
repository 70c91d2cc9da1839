// Go checks a generic body against its constraint, not against the types it is called with:
// `any` does not allow <, even though every call here passes ints.
package main

import "fmt"

func Max[T any](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Max(1, 2))
}
