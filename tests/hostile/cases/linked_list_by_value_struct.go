// hostile: nested structs through a pointer field, 900,000 deep (44 M of the 48 M steps), counted
// expect: exit
// stdout: 900000
package main

import "fmt"

type node struct{ next *node }

func main() {
	var head *node
	for i := 0; i < 900000; i++ {
		head = &node{next: head}
	}
	n := 0
	for p := head; p != nil; p = p.next {
		n++
	}
	fmt.Println(n)
}
