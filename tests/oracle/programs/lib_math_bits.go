// math/bits: counting and rotating bits.
package main

import (
	"fmt"
	"math/bits"
)

func main() {
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros64(1), bits.TrailingZeros(8), bits.Len(255))
	fmt.Println(bits.RotateLeft8(0b10000001, 1), bits.Reverse8(1), bits.UintSize)
	hi, lo := bits.Mul64(1<<63, 4)
	fmt.Println(hi, lo)
	sum, carry := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(sum, carry)
}
