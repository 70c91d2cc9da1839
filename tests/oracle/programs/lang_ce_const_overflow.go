// A constant that does not fit its type is a compile error.
package main

import "fmt"

func main() {
	var b byte = 256
	fmt.Println(b)
}
