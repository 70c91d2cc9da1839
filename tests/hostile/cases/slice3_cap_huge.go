// hostile: a full slice expression with a huge max panics
// expect: panic
// message: slice bounds out of range
package main

func main() {
	s := make([]int, 3)
	i := 1 << 40
	_ = s[0:1:i]
}
