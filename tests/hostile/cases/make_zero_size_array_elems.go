// hostile: make([][0]int, 1<<35): zero-size arrays as elements
// expect: limit
// message: golite stores even an empty struct as one value
package main

import "fmt"

func main() {
	s := make([][0]int, 1<<35)
	fmt.Println(len(s), cap(s))
}
