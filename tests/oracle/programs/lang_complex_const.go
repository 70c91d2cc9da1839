// Complex constants: imaginary literals in every form, exact constant arithmetic, real and
// imag of constants are constants, and a complex constant with no imaginary part converts.
package main

import "fmt"

const k = 2i * 2i
const r = real(k)
const h = 0x1p-2i
const u = 1_000i
const o = 0o17i
const legacy = 0123i
const e = 1e3i
const f = .5i
const big = 1e100i * 1e100i / 1e100i

type Celsius complex64

func main() {
	fmt.Println(k, r, h, u, o, legacy, e, f, 0i, 1e-3i)
	fmt.Printf("%T %T %T\n", k, r, imag(k))
	var i int = k
	var x float64 = k
	var y float32 = real(3 + 4i)
	fmt.Println(i, x, y, [int(real(k * k))]int{}, len([imag(3i)]bool{}))
	const c = complex(1, 2)
	const d = c * c / (1 - 1i)
	fmt.Println(c, d, real(d), imag(d))
	fmt.Println(c == 1+2i, c != d, big)
	var z complex64 = 0.1 + 0.2i
	var w complex128 = 0.1 + 0.2i
	fmt.Println(z, w, complex128(z), complex64(w), z == complex64(w))
	var t Celsius = 3 + 1i
	fmt.Printf("%v %T\n", t*t, t)
	fmt.Println(complex(float32(1.5), 2), complex(1, float32(2.5)))
	fmt.Printf("%T %T\n", complex(float32(1.5), 2), complex(1.5, 2))
	var fl float32 = 0.1
	fmt.Println(complex(fl, fl), real(complex(fl, 0)) == fl)
	fmt.Println(1+0i == 1, 'a'+0i, 2.5+0i)
	m := 3
	fmt.Println(complex(float64(m), 0)+1i, 1i*complex(float64(m), 0)+1)
	var any1 any = 3i
	var any2 any = complex64(3i)
	fmt.Println(any1 == any2, any1 == any(3i))
	const zz = 1 + 0i
	arr := [zz]int{7}
	var s []int = make([]int, 2+0i)
	fmt.Println(arr, len(s), "ab"[1+0i])
}
