// hostile: a local struct type containing itself through an array field
// expect: compile_error
// message: invalid recursive type
package main

func main() {
	type T struct {
		next [1]T
	}
	var t T
	_ = t
}
