// Untyped constants are exact: 1.0/3*3 is 1, 0.1+0.2 == 0.3; typed constants and variables
// round to their type.
package main

import (
	"fmt"
	"math"
	"time"
)

const third = 1.0 / 3
const big = 1 << 62
const typed float64 = 0.1
const f32 float32 = 0.1

func main() {
	fmt.Println(third*3, third, 0.1+0.2 == 0.3, typed+0.2, f32)
	x := 0.1
	fmt.Println(x+0.2, math.Pi*2, big/3, 1e6, 3/4*4.0)
	d := 1.5 * float64(time.Second)
	fmt.Println(time.Duration(d), time.Duration(0.5*1e9), int64(1e18)/7)
	var i int = 10 / 4 * 4
	fmt.Println(i, 1.0/3.0*3.0 == 1, float32(1.0/3))
}
