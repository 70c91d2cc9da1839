// hostile: make([]int, 1<<40) is refused before memory is requested
// expect: limit
// message: heap limit
// message: line 10)
package main

import "fmt"

func main() {
	s := make([]int, 1<<40)
	fmt.Println(len(s))
}
