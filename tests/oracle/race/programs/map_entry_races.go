// Racy: reading or updating an entry another goroutine wrote races twice, as Go reports it:
// on the map (inside the runtime function) and on the entry's value (the program's own
// frames). `v := m[k]` loses the program's frame in the first report; an entry of another
// key, or a key not in the map, races on the map only.
package main

import (
	"fmt"
	"time"
)

func main() {
	a := map[int]int{}
	b := map[string]int{}
	c := map[int]int{}
	d := map[int]int{}
	go func() {
		a[1] = 1
		b["k"] = 2
		c[1] = 3
		d[1] = 4
	}()
	time.Sleep(10 * time.Millisecond)
	x := a[1]
	b["k"]++
	y := c[2]
	for k, v := range d {
		x += k + v
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println(x, y)
}
