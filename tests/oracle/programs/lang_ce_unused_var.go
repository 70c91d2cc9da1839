// A local variable that is declared and never used does not compile.
package main

import "fmt"

func main() {
	x := 1
	fmt.Println("never printed")
}
