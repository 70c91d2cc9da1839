// hostile: == on two 1M-element arrays in an endless loop
// expect: limit
// message: step limit
package main

func main() {
	var a, b [1 << 20]int
	n := 0
	for {
		if a == b {
			n++
		}
	}
}
