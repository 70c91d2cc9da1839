// hostile: func main() int is rejected
// expect: compile_error
// message: func main must have no arguments and no return values
package main

func main() int {
	return 0
}
