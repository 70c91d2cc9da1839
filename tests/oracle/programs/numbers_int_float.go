// Integer and float arithmetic as Go defines it: wrapping, truncating division, shifts,
// conversions, and the shortest float formatting that fmt uses.
package main

import "fmt"

func main() {
	var small int8 = 127
	small++
	var u uint8 = 0
	u--
	fmt.Println(small, u, -7/2, -7%2, 7/-2, 7%-2)
	fmt.Println(1<<10, 0xff&0x0f, 0xf0|0x0f, 6^3, 1<<3>>1, 5&^3)
	f := 2.99
	fmt.Println(int(f), int(-f), float64(7)/2, 7/2, 7.0/2)
	fmt.Println(0.1+0.2, 1e6, 1e21, 1e-7, 100.0, 3.0, -0.0, float32(0.1))
	fmt.Printf("%v %.3f %8.2e %g\n", 1.0/3, 2.0/3, 123456.789, 1e100)
	var i64 int64 = 1 << 62
	var u32 uint32 = 1<<32 - 1
	var i32 int32 = -1 << 31
	fmt.Println(i64*2, u32+1, i32-1)
	x := 10
	x += 5
	x -= 3
	x *= 2
	x /= 5
	x %= 3
	x <<= 4
	x |= 1
	fmt.Println(x, x > 16 && x < 18, !(x == 17) || false)
	fmt.Println(len("héllo"), 'a'+1, string(rune('a'+1)))
	a, b := 0.1, 0.2
	fmt.Println(a+b, 0.1+0.2, a+b == 0.3) // constants are exact, float64 variables are not
}
