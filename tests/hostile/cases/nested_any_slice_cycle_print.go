// hostile: a []any that contains itself, printed (Go overflows its stack; golite stops at depth 64)
// expect: exit
package main

import "fmt"

func main() {
	s := make([]any, 1)
	s[0] = s
	fmt.Println(s)
}
