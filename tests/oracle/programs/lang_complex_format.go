// fmt prints complex numbers as "(re+imi)": every float verb applies to both parts, the
// imaginary part always with its sign; width and precision apply to each part.
package main

import (
	"fmt"
	"math"
	"strconv"
)

type Point struct {
	Z    complex128
	Name string
}

func main() {
	c := complex(1.5, -2.25)
	fmt.Println(c, -c, complex(0, 0), complex(1e21, 1e-7))
	fmt.Printf("%v|%g|%f|%e|%E|%G|%.2f|%.3e\n", c, c, c, c, c, c, c, c)
	fmt.Printf("%8.2f|%-8.2f|%+.1f|%08.2f|% .1f\n", c, c, c, c, c)
	fmt.Printf("%T %T\n", c, complex64(c))
	fmt.Printf("%v %+v %#v\n", Point{c, "p"}, Point{c, "p"}, c)
	fmt.Printf("%d %s %x\n", c, c, c)
	var z complex64 = complex(1.1, 2.2)
	fmt.Println(z, complex128(z))
	fmt.Printf("%v %.3g\n", z, z)
	inf := math.Inf(1)
	fmt.Println(complex(inf, math.NaN()), complex(-inf, -inf))
	fmt.Printf("%.1f %5.1f\n", complex(inf, math.NaN()), complex(-inf, 0))
	fmt.Println([]complex128{1, 2i, -3 - 4i}, [2]complex64{1i, 2})
	fmt.Println(map[string]complex128{"a": 1i})
	fmt.Print(c, 1i, "\n")
	fmt.Printf("%6v|%-12v|%.0f\n", 1i, c, c)
	var i any = 2 + 3i
	fmt.Printf("%v %T\n", i, i)
	fmt.Println(fmt.Sprint(1i), fmt.Sprintf("%q", 1i))
	fmt.Println(strconv.FormatComplex(c, 'f', 2, 128), strconv.FormatComplex(complex(1, 2), 'g', -1, 64))
	p, err := strconv.ParseComplex("(1.5-2i)", 128)
	fmt.Println(p, err)
	p, err = strconv.ParseComplex("3i", 128)
	fmt.Println(p, err)
	p, err = strconv.ParseComplex("x", 128)
	fmt.Println(p, err)
	println(c, 1i)
}
