// A complex constant with an imaginary part does not fit an int.
package main

import "fmt"

func main() {
	var n int = 1 + 2i
	fmt.Println(n)
}
