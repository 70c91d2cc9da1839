// hostile: math.MinInt64 / -1 and % -1 at run time (Go: wraps, no panic)
// expect: exit
// stdout: -9223372036854775808 0
package main

import (
	"fmt"
	"math"
)

func main() {
	x := int64(math.MinInt64)
	y := int64(-1)
	fmt.Println(x/y, x%y)
}
