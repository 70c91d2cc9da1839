// Racy: a goroutine writes an element of an array through a pointer while main reads it.
package main

import (
	"fmt"
	"time"
)

func main() {
	var grid [3]int
	p := &grid
	go func() {
		p[1] = 7
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println(grid[1])
}
