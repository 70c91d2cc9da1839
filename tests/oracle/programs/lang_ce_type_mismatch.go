// Mixing int and string operands.
package main

import "fmt"

func main() {
	n := 1
	s := "a"
	fmt.Println(n + s)
}
