// Ranging over a func(yield func(int) bool) with two iteration variables is a compile error.
package main

import "fmt"

func main() {
	var seq func(func(int) bool)
	for i, j := range seq {
		fmt.Println(i, j)
	}
}
