// A slice converts to an array (a copy) or to an array pointer (sharing the backing array).
package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	a := [3]int(s) // copy of s[0:3]
	p := (*[2]int)(s[3:])
	a[0] = 100
	p[1] = 500
	fmt.Println(a, *p, s)
	var empty []int
	z := [0]int(empty)
	fmt.Println(len(z), (*[0]int)(empty) == nil)
}
