// math/bits, every function at its edges: zero, one, all ones, the top bit, negative rotations,
// carries and borrows in and out, a 128-bit product and quotient, and Div64's two panics.
package main

import (
	"fmt"
	"math/bits"
)

func main() {
	for _, x := range []uint64{0, 1, 2, 0x80, 0xff, 0x8000_0000, 1 << 63, ^uint64(0), 0x0123_4567_89ab_cdef} {
		fmt.Println(x, bits.Len64(x), bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x),
			bits.Reverse64(x), bits.ReverseBytes64(x), bits.RotateLeft64(x, 5), bits.RotateLeft64(x, -5))
		u, u32, u16, u8 := uint(x), uint32(x), uint16(x), uint8(x)
		fmt.Println(bits.Len(u), bits.Len32(u32), bits.Len16(u16), bits.Len8(u8),
			bits.LeadingZeros(u), bits.LeadingZeros32(u32), bits.LeadingZeros16(u16), bits.LeadingZeros8(u8),
			bits.TrailingZeros(u), bits.TrailingZeros32(u32), bits.TrailingZeros16(u16), bits.TrailingZeros8(u8))
		fmt.Println(bits.OnesCount(u), bits.OnesCount32(u32), bits.OnesCount16(u16), bits.OnesCount8(u8),
			bits.Reverse(u), bits.Reverse32(u32), bits.Reverse16(u16), bits.Reverse8(u8),
			bits.ReverseBytes(u), bits.ReverseBytes32(u32), bits.ReverseBytes16(u16))
		fmt.Println(bits.RotateLeft(u, 3), bits.RotateLeft32(u32, -1), bits.RotateLeft16(u16, 17), bits.RotateLeft8(u8, 9))
	}
	fmt.Println(bits.UintSize)

	max := ^uint64(0)
	for _, c := range []uint64{0, 1} {
		fmt.Println(bits.Add64(max, 1, c))
		fmt.Println(bits.Add64(3, 4, c))
		fmt.Println(bits.Sub64(0, 1, c))
		fmt.Println(bits.Sub64(9, 4, c))
		fmt.Println(bits.Add32(1<<31, 1<<31, uint32(c)))
		fmt.Println(bits.Sub32(1, 2, uint32(c)))
		fmt.Println(bits.Add(^uint(0), 0, uint(c)))
		fmt.Println(bits.Sub(0, 0, uint(c)))
	}
	fmt.Println(bits.Mul64(max, max))
	fmt.Println(bits.Mul64(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210))
	fmt.Println(bits.Mul32(0xffff_ffff, 0xffff_ffff))
	fmt.Println(bits.Mul(1<<40, 1<<40))

	hi, lo := bits.Mul64(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210)
	fmt.Println(bits.Div64(hi, lo, 0xfedc_ba98_7654_3210))
	fmt.Println(bits.Div64(hi, lo+12345, 0xfedc_ba98_7654_3210))
	fmt.Println(bits.Div64(0, 100, 7))
	fmt.Println(bits.Div64(1, 0, 3))
	fmt.Println(bits.Div64(12, 34, 1<<63+5))
	fmt.Println(bits.Div32(1, 5, 7))
	fmt.Println(bits.Div(2, 9, 1<<40))
	fmt.Println(bits.Rem64(100, 7, 9), bits.Rem32(100, 7, 9), bits.Rem(5, 5, 3))

	for _, y := range []uint64{0, 1} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			fmt.Println(bits.Div64(1, 0, y))
		}()
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(bits.Rem64(1, 0, 0))
	}()
}
