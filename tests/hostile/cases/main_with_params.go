// hostile: func main(x int) is rejected as Go rejects it
// expect: compile_error
// message: func main must have no arguments and no return values
package main

func main(x int) {
}
