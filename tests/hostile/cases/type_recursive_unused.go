// hostile: an invalid recursive type nobody uses is still an error
// expect: compile_error
// message: invalid recursive type
package main

type T struct{ a [1]struct{ t T } }

func main() {
}
