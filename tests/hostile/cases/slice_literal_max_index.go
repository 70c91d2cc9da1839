// hostile: []int{9223372036854775807: 1} (the length overflowed while compiling)
// expect: compile_error
// message: composite literal too large for golite
package main

func main() {
	_ = []int{9223372036854775807: 1}
}
