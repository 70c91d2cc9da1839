// hostile: var a [1 << 62]int is larger than the address space
// expect: compile_error
// message: larger than address space
package main

func main() {
	var a [1 << 62]int
	_ = a
}
