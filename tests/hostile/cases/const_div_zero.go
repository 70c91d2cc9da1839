// hostile: constant division by zero
// expect: compile_error
// message: division by zero
package main

import "fmt"

func main() {
	fmt.Println(1 / 0)
}
