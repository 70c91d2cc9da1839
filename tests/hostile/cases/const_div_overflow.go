// hostile: (-1 << 127) / -1 overflows int (once overflowed inside the constant folder)
// expect: compile_error
// message: overflow
package main

import "fmt"

func main() {
	fmt.Println((-1 << 127) / -1)
}
