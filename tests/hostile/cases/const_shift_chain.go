// hostile: a constant shift of a huge amount on a typed value
// expect: compile_error
package main

import "fmt"

const big = 1 << 10000

func main() {
	fmt.Println(big >> 9990)
}
