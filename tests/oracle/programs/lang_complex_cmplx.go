// Package math/cmplx: magnitudes, polar form, roots, exponentials, logarithms, powers and the
// special values, as Go's own implementation gives them. Results built on math.Sin, Cos, Exp,
// Sinh and Cosh print with 12 digits: golite's math functions may differ from Go's in the
// last bit.
package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	z := complex(3, 4)
	fmt.Println(cmplx.Abs(z), cmplx.Phase(z), cmplx.Conj(z))
	r, th := cmplx.Polar(z)
	fmt.Printf("%v %v %.12g\n", r, th, cmplx.Rect(r, th))
	fmt.Println(cmplx.Sqrt(z), cmplx.Sqrt(-4), cmplx.Sqrt(0), cmplx.Sqrt(complex(0, 2)))
	fmt.Printf("%.12g %.12g\n", cmplx.Exp(z), cmplx.Exp(complex(0, math.Pi)))
	fmt.Println(cmplx.Log(z), cmplx.Log(-1), cmplx.Log10(100i))
	fmt.Printf("%.12g %.12g\n", cmplx.Pow(z, 2), cmplx.Pow(1i, 1i))
	fmt.Println(cmplx.Pow(0, 0), cmplx.Pow(0, 1i), cmplx.Pow(0, -1), cmplx.Pow(0, -1+1i))
	fmt.Println(cmplx.Inf(), cmplx.IsInf(cmplx.Inf()), cmplx.IsNaN(cmplx.NaN()), cmplx.IsNaN(z))
	fmt.Println(cmplx.IsInf(complex(math.Inf(-1), math.NaN())), cmplx.IsNaN(complex(math.Inf(-1), math.NaN())))
	fmt.Println(cmplx.Abs(complex(math.Inf(1), math.NaN())), cmplx.Phase(-1), cmplx.Phase(complex(0, -1)))
	fmt.Printf("%.12g %.12g %.12g\n", cmplx.Sin(z), cmplx.Cos(z), cmplx.Tan(1i))
	fmt.Printf("%.12g %.12g %.12g\n", cmplx.Sinh(z), cmplx.Cosh(z), cmplx.Tanh(z))
	fmt.Printf("%.12g %.12g %.12g\n", cmplx.Asin(0.5), cmplx.Acos(2), cmplx.Atan(1i/2))
	fmt.Printf("%.12g %.12g %.12g\n", cmplx.Tan(complex(math.Pi/2, 1e-9)), cmplx.Cot(1+1i), cmplx.Asinh(2i))
	fmt.Println(cmplx.Sqrt(complex(math.Inf(1), math.NaN())), cmplx.Exp(complex(math.Inf(-1), 1)), cmplx.Log(0))
	for _, c := range []complex128{1, -1, 1i, -1i, complex(1e-10, 1e10)} {
		fmt.Printf("%.6g %.6g %.6g\n", cmplx.Sqrt(c), cmplx.Log(c), cmplx.Exp(c))
	}
}
