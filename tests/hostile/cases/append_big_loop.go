// hostile: append of a 16M-element slice in an endless loop
// expect: limit
package main

func main() {
	a := make([]int, 1<<24)
	for {
		b := append([]int(nil), a...)
		_ = b
	}
}
