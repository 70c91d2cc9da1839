// hostile: var a [1 << 40]struct{}: a zero-size array of a trillion elements
// expect: exit
// stdout: 1099511627776
package main

import "fmt"

func main() {
	var a [1 << 40]struct{}
	fmt.Println(len(a))
}
