// hostile: slicing with huge bounds panics, no allocation
// expect: panic
// message: slice bounds out of range
package main

func main() {
	s := make([]int, 3)
	i := 1 << 62
	_ = s[1:i]
}
