// hostile: s += s doubles a string until the heap limit
// expect: limit
// message: heap limit
package main

func main() {
	s := "x"
	for {
		s += s
	}
}
