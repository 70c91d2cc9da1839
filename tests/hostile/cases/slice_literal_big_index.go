// hostile: a slice literal with index 1<<40
// expect: limit
// message: heap limit
package main

import "fmt"

func main() {
	s := []byte{1 << 40: 1}
	fmt.Println(len(s))
}
