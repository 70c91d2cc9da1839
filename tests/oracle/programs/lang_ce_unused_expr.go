// An expression statement whose value is not used.
package main

import "fmt"

func main() {
	x := 3
	x == 3
	fmt.Println(x)
}
