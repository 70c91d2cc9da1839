// hostile: an array literal [...]int{1<<40: 1}
// expect: compile_error
// message: composite literal too large for golite
package main

import "fmt"

func main() {
	a := [...]int{1 << 40: 1}
	fmt.Println(len(a))
}
