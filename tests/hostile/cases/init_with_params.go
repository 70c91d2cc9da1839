// hostile: func init(x int) is rejected
// expect: compile_error
// message: func init must have no arguments and no return values
package main

func init(x int) {
}

func main() {
}
