// hostile: an array literal [...]int{1<<40: 1}
// expect: limit
// message: heap limit
package main

import "fmt"

func main() {
	a := [...]int{1 << 40: 1}
	fmt.Println(len(a))
}
