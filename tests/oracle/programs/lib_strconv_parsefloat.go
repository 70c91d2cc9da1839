// strconv.ParseFloat: Go's float syntax (underscores, hexadecimal with a p exponent, inf and nan
// words), out of range as ±Inf with an error, bitSize 32 rounding once.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{
		"1.5", "-0", "+.5", "5.", "1e3", "1E-3", "1_000", "1__0", "_1", "1_", "0x1p3", "0x1_0p0",
		"0X1.8P1", "0x10", "0x.p1", "1e400", "-1e400", "1e-400", "inf", "-Inf", "+INFINITY",
		"nan", "NaN", "-nan", "+-5", "", ".", "e5", "1e", "1p3", " 1", "1 ", "0.1", "3.4e39",
		"16777217", "1.0000000596046448",
	} {
		f, err := strconv.ParseFloat(s, 64)
		g, err32 := strconv.ParseFloat(s, 32)
		fmt.Printf("%q: %v %v | %v %v\n", s, f, err, g, err32)
	}
}
