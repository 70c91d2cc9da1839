// hostile: a linked list grown until a limit stops the builder (golite's memory for values, 1.8 times the modeled heap), then dropped
// expect: limit
// message: golite holds more than 483183820 bytes of values
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
