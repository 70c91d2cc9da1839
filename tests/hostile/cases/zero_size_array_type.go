// hostile: var a [1 << 40]struct{}: a zero-size array of a trillion elements
// expect: limit
// message: golite stores even an empty struct as one value
package main

import "fmt"

func main() {
	var a [1 << 40]struct{}
	fmt.Println(len(a))
}
