// len and cap of a nil pointer to an array are the array's length, and ranging over it with
// only the index does not dereference it: the loop runs 10 times.
package main

import "fmt"

func main() {
	var p *[10]int
	fmt.Println(len(p), cap(p), p == nil)
	n := 0
	for i := range p {
		n += i
	}
	fmt.Println("sum of indexes", n)
	q := &[3]string{"a", "b", "c"}
	for i, s := range q {
		fmt.Println(i, s)
	}
	q[1] = "B"
	fmt.Println(len(q), q[1], *q)
}
