// Racy: copying a whole struct reads every field, so it races with a write of one of them.
package main

import (
	"fmt"
	"time"
)

type Point struct {
	X, Y int
}

func main() {
	p := &Point{}
	go func() {
		p.Y = 2
	}()
	time.Sleep(5 * time.Millisecond)
	q := *p
	fmt.Println(q.X)
}
