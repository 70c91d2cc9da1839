// real takes a complex argument.
package main

import "fmt"

func main() {
	s := "x"
	fmt.Println(real(s))
}
