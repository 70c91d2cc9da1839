// Converting a slice to a longer array panics at run time.
package main

import "fmt"

func main() {
	s := make([]int, 2, 10)
	fmt.Println(len(s), cap(s))
	a := [4]int(s)
	fmt.Println(a)
}
