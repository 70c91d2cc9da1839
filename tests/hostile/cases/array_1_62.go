// hostile: var a [1 << 62]int is larger than the address space
// expect: limit
// message: heap limit
package main

func main() {
	var a [1 << 62]int
	_ = a
}
