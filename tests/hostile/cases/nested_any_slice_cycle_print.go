// hostile: a []any that contains itself, printed: bounded
// expect: limit
package main

import "fmt"

func main() {
	s := make([]any, 1)
	s[0] = s
	fmt.Println(s)
}
