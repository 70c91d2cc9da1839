// hostile: printing a pointer cycle with %v terminates (Go prints the address of nested pointers)
// expect: exit
package main

import "fmt"

type node struct {
	next *node
	v    int
}

func main() {
	n := &node{v: 1}
	n.next = n
	s := fmt.Sprintf("%v", *n)
	fmt.Println(len(s) > 0)
}
