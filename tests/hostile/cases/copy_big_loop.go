// hostile: copy of 16M elements in an endless loop
// expect: limit
// message: step limit
package main

func main() {
	a := make([]int, 1<<24)
	b := make([]int, 1<<24)
	for {
		copy(a, b)
	}
}
