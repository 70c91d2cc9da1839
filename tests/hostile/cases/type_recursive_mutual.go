// hostile: two structs that contain each other
// expect: compile_error
// message: invalid recursive type
package main

type A struct{ b B }
type B struct{ a A }

func main() {
	var a A
	_ = a
}
