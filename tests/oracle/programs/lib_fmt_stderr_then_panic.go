// What a program writes to stderr before it panics is kept apart from the panic message.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "about to fail")
	println("builtin println")
	fmt.Println("stdout still fine")
	var m map[string]int
	m["x"] = 1
}
