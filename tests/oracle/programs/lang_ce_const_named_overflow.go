// A typed constant of a named integer type overflows its underlying type, and Go's message
// says both.
package main

import "fmt"

type Priority int8

const High Priority = 100

func main() {
	fmt.Println(High * 2)
}
