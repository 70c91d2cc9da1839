// strconv.FormatComplex and ParseComplex at their edges: bad format bytes and bit sizes, every
// accepted form (parentheses, signs, Inf, NaN, hex, underscores) and the syntax and range errors;
// fmt's width and precision limits on a complex operand.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Printf("%1000000000v|%.1000000000f|%*v\n", 1i, 1i, 3, 1i)
	fmt.Println(strconv.FormatComplex(1i, 'g', -5, 64))
	fmt.Println(strconv.FormatComplex(1i, 'z', 3, 128))
	for _, s := range []string{"", "(", ")", "()", "+", "1e", "i", "-i", "1+", "1+i", "é", "(1+2i", "NaN+Infi", "1e400", "1e400i", "0x1p3", "1_0", "+-1", "1++2i", "Infi", "(-0-0i)"} {
		v, err := strconv.ParseComplex(s, 128)
		fmt.Println(s, v, err)
	}
	v, err := strconv.ParseComplex("1e39+1i", 64)
	fmt.Println(v, err)
	defer func() { fmt.Println(recover()) }()
	fmt.Println(strconv.FormatComplex(1i, 'g', -1, 32))
}
