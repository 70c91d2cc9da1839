// Widths, precisions and flags: % x and %#x of strings and bytes, %.3v of floats, a pointer to a
// slice or map at top level printed as &[...] / &map[...].
package main

import "fmt"

func main() {
	fmt.Printf("%#x|%# x|% X|%x|%#X\n", "hi", "hi", []byte("hi"), "", []byte{1, 255})
	fmt.Printf("[%.2v][%8.3v][%v][%.1v]\n", 3.14159, 2.0/3, float32(0.1), 12.0)
	s := []int{1}
	m := map[string]int{"k": 1}
	fmt.Println(&s, &m)
	fmt.Printf("%v %+v\n", &s, &m)
}
