// hostile: a struct containing an array of itself
// expect: compile_error
// message: invalid recursive type
package main

import "fmt"

type T struct {
	x  int
	ts [3]T
}

func main() {
	var t T
	fmt.Println(t.x)
}
