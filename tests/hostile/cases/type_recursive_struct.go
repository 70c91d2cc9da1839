// hostile: type T struct{ t T } is an invalid recursive type
// expect: compile_error
// message: invalid recursive type
// message: T refers to itself
package main

type T struct{ t T }

func main() {
	var t T
	_ = t
}
