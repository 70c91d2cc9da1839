// hostile: a recursive type declared inside a function (found by the fuzzer: a stack overflow)
// expect: compile_error
// message: invalid recursive type: A refers to itself
package main

func main() {
	type A [1 << 40]A
	var a A
	_ = a
}
