// hostile: a linked list grown until a limit stops the builder, then dropped
// rss: 1500
// cpu: 8
// expect: limit
// message: line 16
package main

type node struct {
	next *node
	v    [4]int
}

func main() {
	var head *node
	for {
		head = &node{next: head}
	}
}
