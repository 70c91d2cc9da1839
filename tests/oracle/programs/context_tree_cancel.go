// Cancelling a parent cancels every descendant; cancelling a child leaves the parent alone.
package main

import (
	"context"
	"fmt"
)

func main() {
	root, cancelRoot := context.WithCancel(context.Background())
	left, cancelLeft := context.WithCancel(root)
	right, cancelRight := context.WithCancel(root)
	leaf, cancelLeaf := context.WithCancel(right)
	defer cancelLeaf()
	defer cancelRight()

	cancelLeft()
	fmt.Println("after cancelLeft:", root.Err(), left.Err(), right.Err(), leaf.Err())

	cancelRoot()
	<-leaf.Done()
	fmt.Println("after cancelRoot:", root.Err(), left.Err(), right.Err(), leaf.Err())
	fmt.Println("background:", context.Background().Err(), context.Background().Done() == nil)
}
