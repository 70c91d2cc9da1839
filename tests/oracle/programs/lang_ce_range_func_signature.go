// Ranging over a function that is not an iterator (yield must return bool) is a compile error.
package main

import "fmt"

func main() {
	var notIter func(func(int))
	for i := range notIter {
		fmt.Println(i)
	}
}
