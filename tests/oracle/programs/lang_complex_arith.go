// Complex arithmetic as Go's runtime does it: products, quotients (complex128div's rules for
// zero, infinite and NaN divisors), negation, comparison and complex64 rounding.
package main

import (
	"fmt"
	"math"
)

func main() {
	a := complex(3, 4)
	b := complex(1, -2)
	fmt.Println(a+b, a-b, a*b, a/b, -a)
	fmt.Println(a == b, a != b, a == complex(3, 4))

	zero := complex(0, 0)
	fmt.Println(a/zero, zero/zero, complex(0, 1)/zero)
	var f0 float64
	fmt.Println(complex(1, 0)/complex(f0, 0), complex(-1, 0)/complex(f0, 0))

	inf := math.Inf(1)
	nan := math.NaN()
	fmt.Println(a/complex(inf, 0), a/complex(inf, inf), complex(inf, 0)/a)
	fmt.Println(complex(inf, 1)/complex(1, 1), complex(nan, 1)/complex(1, 1))
	fmt.Println(complex(inf, 0)*complex(0, 1), complex(inf, inf)*complex(1, 0))
	n := complex(nan, 0)
	fmt.Println(n == n, n != n, n+1)

	var x, y complex64 = complex(1.1, 2.2), complex(3.3, -4.4)
	fmt.Println(x*y, x/y, x+y, x-y)
	fmt.Printf("%T %T\n", x*y, a/b)

	c := 1 + 2i
	c += 3
	c *= 2i
	c -= 1i
	c /= 2
	fmt.Println(c)
	d := c
	d++
	fmt.Println(d, c)
	fmt.Println(real(c*c), imag(c*c))
	var big complex128 = complex(1e308, 1e308)
	fmt.Println(big*big, big/complex(1e-308, 1e-308))
	fmt.Println(a/0, -a/0, zero/0)
}
