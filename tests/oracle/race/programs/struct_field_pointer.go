// Racy: two goroutines write one field of a struct through pointers.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Point struct {
	X, Y int
}

func main() {
	var wg sync.WaitGroup
	p := &Point{}
	wg.Add(2)
	go func() {
		defer wg.Done()
		p.X = 1
	}()
	time.Sleep(5 * time.Millisecond)
	go func(q *Point) {
		defer wg.Done()
		q.X = 2
	}(p)
	wg.Wait()
	fmt.Println(p.X)
}
