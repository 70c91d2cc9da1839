// hostile: type A [2]A is an invalid recursive type
// expect: compile_error
// message: invalid recursive type
package main

type A [2]A

func main() {
	var a A
	_ = a
}
