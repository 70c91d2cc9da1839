// An index must be an integer: a complex constant with an imaginary part is truncated.
package main

import "fmt"

func main() {
	s := []int{1, 2}
	fmt.Println(s[1i])
}
