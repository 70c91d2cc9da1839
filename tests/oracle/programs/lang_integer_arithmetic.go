// Integer division truncates toward zero, % takes the sign of the dividend, fixed-size types
// wrap around, and shifts of negative numbers are arithmetic.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(-7/2, -7%2, 7%-2, 7/-2)
	var i8 int8 = 127
	i8++
	var u uint8 = 0
	u--
	fmt.Println(i8, u)
	m := math.MinInt64
	fmt.Println(m/-1 == m, -m == m)
	fmt.Println(-8>>1, -1<<3, 1<<62)
	var u32 uint32 = 1 << 31
	fmt.Println(u32*2, ^u32, u32&^(1<<31))
	fmt.Println(int64(math.MaxInt32)+1, uint16(70000%65536))
}
