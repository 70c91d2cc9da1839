// Context corner cases: a deadline already past, a child asking for a later deadline than its
// parent, cancelling twice, and the first cancellation reason winning.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	past, cancelPast := context.WithTimeout(context.Background(), -time.Second)
	defer cancelPast()
	fmt.Println("past deadline:", past.Err())

	parent, cancelParent := context.WithTimeout(context.Background(), 100*time.Millisecond)
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	d, _ := child.Deadline()
	fmt.Println("child deadline:", d.Sub(start))

	cancelChild()
	cancelChild()
	<-parent.Done()
	fmt.Println("child:", child.Err(), "parent:", parent.Err(), "at", time.Since(start))
	cancelParent()
	fmt.Println("after cancelParent:", parent.Err(), parent.Done() == parent.Done())
	fmt.Println("missing value:", child.Value("nope"))
}
