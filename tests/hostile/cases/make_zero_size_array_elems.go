// hostile: make([][0]int, 1<<35): zero-size arrays as elements
// expect: exit
// stdout: 34359738368
package main

import "fmt"

func main() {
	s := make([][0]int, 1<<35)
	fmt.Println(len(s), cap(s))
}
