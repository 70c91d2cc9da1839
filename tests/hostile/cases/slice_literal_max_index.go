// hostile: []int{9223372036854775807: 1} (the length overflowed while compiling)
// expect: limit
// message: heap limit
// message: line 8)
package main

func main() {
	_ = []int{9223372036854775807: 1}
}
