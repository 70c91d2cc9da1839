// Racy: a map whose values are larger than 128 bytes always takes Go's generic runtime
// functions, whatever its key (`[17]int` is 136 bytes; `[16]int`, 128 bytes, still takes the
// fast ones).
package main

import (
	"fmt"
	"time"
)

type big struct {
	id   int32
	data [30]int32
}

func main() {
	a := map[int][17]int{}
	b := map[string][16]int{}
	c := map[int32]big{}
	d := map[string][17]int{}
	go func() {
		a[1] = [17]int{1}
		b["x"] = [16]int{2}
		c[3] = big{id: 3}
		d["y"] = [17]int{4}
	}()
	time.Sleep(10 * time.Millisecond)
	a[2] = [17]int{5}
	b["z"] = [16]int{6}
	v, ok := c[3]
	delete(d, "y")
	time.Sleep(10 * time.Millisecond)
	fmt.Println(v.id, ok)
}
