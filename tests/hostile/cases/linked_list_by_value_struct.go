// hostile: nested structs through a pointer field, 1,000,000 deep, printed with %v
// expect: exit
// stdout: 1000000
package main

import "fmt"

type node struct{ next *node }

func main() {
	var head *node
	for i := 0; i < 1000000; i++ {
		head = &node{next: head}
	}
	n := 0
	for p := head; p != nil; p = p.next {
		n++
	}
	fmt.Println(n)
}
