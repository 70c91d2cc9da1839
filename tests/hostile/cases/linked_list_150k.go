// hostile: a linked list of 150,000 nodes, dropped at the end (once overflowed the stack)
// expect: exit
// stdout: 150000
package main

import "fmt"

type node struct {
	next *node
	v    int
}

func main() {
	var head *node
	for i := 0; i < 150000; i++ {
		head = &node{next: head, v: i}
	}
	n := 0
	for p := head; p != nil; p = p.next {
		n++
	}
	fmt.Println(n)
}
