// Dividing by a zero variable panics (a constant zero would not compile).
package main

import "fmt"

func div(a, b int) int { return a / b }

func main() {
	fmt.Println(div(7, 2))
	fmt.Println(div(1, 0))
}
