// A complex number is never nil: comparing one with nil is a compile error.
package main

import "fmt"

func main() {
	c := 1 + 2i
	fmt.Println(c == nil)
}
