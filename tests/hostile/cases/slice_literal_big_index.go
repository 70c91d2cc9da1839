// hostile: a slice literal with index 1<<40
// expect: compile_error
// message: composite literal too large for golite
package main

import "fmt"

func main() {
	s := []byte{1 << 40: 1}
	fmt.Println(len(s))
}
