// hostile: make([]byte, 0, 1<<36): the capacity counts
// expect: limit
// message: heap limit
package main

import "fmt"

func main() {
	s := make([]byte, 0, 1<<36)
	fmt.Println(cap(s))
}
