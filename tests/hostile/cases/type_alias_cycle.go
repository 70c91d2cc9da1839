// hostile: type A = B; type B = A
// expect: compile_error
package main

type A = B
type B = A

func main() {
	var a A
	_ = a
}
