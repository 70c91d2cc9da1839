// A complex value does not convert to float64 (only a constant with zero imaginary part does).
package main

import "fmt"

func main() {
	c := 1 + 0i
	fmt.Println(float64(c))
}
