// hostile: make([]int, 1<<62) panics as Go does (len out of range)
// expect: panic
// message: makeslice: len out of range
package main

import "fmt"

func main() {
	n := 1 << 62
	s := make([]int, n)
	fmt.Println(len(s))
}
