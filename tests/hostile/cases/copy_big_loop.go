// hostile: copy of 4M elements in an endless loop
// cpu: 2
// expect: limit
// message: step limit
package main

func main() {
	a := make([]int, 1<<22)
	b := make([]int, 1<<22)
	for {
		copy(a, b)
	}
}
