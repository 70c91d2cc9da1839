// Complex numbers: complex, real, imag, arithmetic, comparison and printing.
package main

import (
	"fmt"
	"math/cmplx"
)

func main() {
	c := complex(1, 2)
	d := 3 - 4i
	fmt.Println(c, d, c+d, c*d, c/d)
	fmt.Println(real(d), imag(d), c == complex(1, 2))
	fmt.Printf("%v %.1f %T\n", c, c, c)
	var z complex64 = 1i
	fmt.Println(z*z, cmplx.Abs(d))
	const k = 2i * 2i
	fmt.Println(k, real(k))
}
