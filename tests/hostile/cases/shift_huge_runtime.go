// hostile: shifts by huge and negative amounts at run time
// expect: panic
// message: negative shift amount
package main

import "fmt"

func main() {
	x := 1
	s := uint(1 << 63)
	fmt.Println(x<<s, x>>s)
	n := -1
	fmt.Println(x << n)
}
