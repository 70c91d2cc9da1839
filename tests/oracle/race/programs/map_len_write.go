// Racy: len(m) reads the map's count while a goroutine writes the map.
package main

import (
	"fmt"
	"time"
)

var m = map[int]int{}

func add() {
	m[1] = 2
}

func main() {
	go add()
	time.Sleep(5 * time.Millisecond)
	n := len(m)
	fmt.Println(n)
}
