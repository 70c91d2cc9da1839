// hostile: assigning a 1M-element array in an endless loop copies it every time
// cpu: 2
// expect: limit
// message: step limit
package main

func main() {
	var a, b [1 << 20]int
	for {
		a = b
		b[0] += a[1]
	}
}
