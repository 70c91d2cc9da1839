// Untyped constant shifts: in a non-constant shift the untyped left operand takes the type it
// would have without the shift; constant shifts are exact and may exceed 64 bits.
package main

import "fmt"

func main() {
	var s uint = 33
	var i = 1 << s         // int
	var j int32 = 1 << s   // int32: the 1 shifts out
	var k = uint64(1 << s) // uint64
	fmt.Println(i, j, k)
	const big = 1 << 100
	fmt.Println(big>>98, big/(1<<97))
	var f float64 = 1 << 3 // constant shift: fine
	fmt.Println(f)
	x := 1
	fmt.Println(x<<63 < 0, -1>>1, uint8(200)>>3, int8(-128)>>7)
	const mask = ^uint32(0) >> 28
	fmt.Println(mask)
}
