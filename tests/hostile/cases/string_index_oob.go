// hostile: indexing a string out of range panics as Go's does
// expect: panic
// message: index out of range [10] with length 3
package main

import "fmt"

func main() {
	s := "abc"
	i := 10
	fmt.Println(s[i])
}
