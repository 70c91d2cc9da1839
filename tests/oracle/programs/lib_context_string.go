// context: String() of every kind of context, as fmt prints it (a deadline shows the time left).
package main

import (
	"context"
	"fmt"
	"time"
)

type key string

type ck struct{ n int }

func main() {
	fmt.Println(context.Background(), context.TODO())
	c1, cancel := context.WithCancel(context.TODO())
	defer cancel()
	fmt.Println(c1)
	c2 := context.WithValue(c1, key("user"), "ann")
	fmt.Println(c2)
	c3 := context.WithValue(c2, 7, 42)
	fmt.Println(c3)
	c4 := context.WithoutCancel(c3)
	fmt.Printf("%v|%s\n", c4, c4)
	c5, cancel5 := context.WithTimeout(c4, time.Second)
	defer cancel5()
	fmt.Println(c5)
	time.Sleep(300 * time.Millisecond)
	fmt.Println(c5)
	// A later deadline than the parent's is no deadline of its own: Go returns WithCancel.
	c7, cancel7 := context.WithTimeout(c5, time.Hour)
	defer cancel7()
	fmt.Println(c7)
	c8, cancel8 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel8()
	fmt.Println(c8, c8.Err())
	c6, cc := context.WithCancelCause(context.Background())
	defer cc(nil)
	fmt.Println(c6, context.WithValue(c6, "k", nil))
	// A value's String method is called (a library Stringer here); other values are named by type.
	c9 := context.WithValue(context.WithValue(c6, ck{1}, time.Second), &ck{2}, struct{}{})
	fmt.Println(c9)
}
