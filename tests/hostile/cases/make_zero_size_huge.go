// hostile: make([]struct{}, 1<<40): Go counts 0 bytes; golite holds one value per element, so it stops at its own limit, before any memory is requested
// expect: limit
// message: golite stores even an empty struct as one value
package main

import "fmt"

func main() {
	s := make([]struct{}, 1<<40)
	fmt.Println(len(s))
}
