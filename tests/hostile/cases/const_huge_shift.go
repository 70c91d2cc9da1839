// hostile: 1 << 100000 is a constant too large
// expect: compile_error
package main

import "fmt"

func main() {
	fmt.Println(1 << 100000)
}
