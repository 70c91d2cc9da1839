// The builtins print and println write to stderr, in their own format; stdout is separate.
package main

import "fmt"

func main() {
	println("println", 1, -2, true, 'x')
	println(1.5, 1e21, float32(0.25))
	print("print", 1, 2, "\n")
	fmt.Println("stdout line")
	var e error
	println(e == nil, uint8(255), int64(-9))
}
