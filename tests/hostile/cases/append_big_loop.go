// hostile: append of a 4M-element slice in an endless loop
// expect: limit
package main

func main() {
	a := make([]int, 1<<22)
	for {
		b := append([]int(nil), a...)
		_ = b
	}
}
