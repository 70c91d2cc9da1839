// Racy: clear(m) writes the map (`runtime.mapclear`): it races with a write before it and with
// a read after it in other goroutines.
package main

import (
	"fmt"
	"time"
)

func main() {
	a := map[string]int{}
	b := map[int]int{1: 1}
	go func() {
		a["x"] = 1
		clear(b)
	}()
	time.Sleep(10 * time.Millisecond)
	clear(a)
	v, ok := b[1]
	time.Sleep(10 * time.Millisecond)
	fmt.Println(v, ok, len(a))
}
