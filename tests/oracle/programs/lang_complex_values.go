// Complex values are comparable: map keys (NaN keys never found), struct fields, array
// elements, interface values, switch cases; their zero value is (0+0i).
package main

import (
	"fmt"
	"math"
)

type Pair struct {
	A complex64
	B complex128
}

func sum(xs ...complex128) (s complex128) {
	for _, x := range xs {
		s += x
	}
	return
}

func main() {
	m := map[complex128]string{1i: "i", 1: "one"}
	m[complex(0, 1)] += "!"
	m[-1] = "minus"
	fmt.Println(len(m), m[1i], m[1], m)
	nan := complex(math.NaN(), 0)
	m[nan] = "a"
	m[nan] = "b"
	_, ok := m[nan]
	fmt.Println(len(m), ok)
	delete(m, 1i)
	fmt.Println(len(m))

	var zero complex128
	var p Pair
	var arr [3]complex64
	fmt.Println(zero, p, arr, zero == 0, p == Pair{})
	p.A = 1 + 1i
	q := p
	q.B = 2i
	fmt.Println(p, q, p == q, p == Pair{A: 1 + 1i})

	var i any = 1 + 2i
	switch v := i.(type) {
	case complex64:
		fmt.Println("c64", v)
	case complex128:
		fmt.Println("c128", v)
	}
	switch c := sum(1, 2i, 3); c {
	case 4 + 2i:
		fmt.Println("four plus two i")
	default:
		fmt.Println("other", c)
	}
	keys := map[any]int{1i: 1, complex64(1i): 2, 1: 3}
	fmt.Println(len(keys), keys[1i], keys[complex64(1i)])

	ptr := new(complex64)
	*ptr = 5i
	fmt.Println(*ptr, real(*ptr))
	s := []complex128{1, 2, 3}
	s = append(s, 4i)
	fmt.Println(s, sum(s...))
	ch := make(chan complex64, 1)
	ch <- 1 + 1i
	fmt.Println(<-ch)
	f := func(c complex128) complex128 { return c * c }
	fmt.Println(f(1i), real(f(2)), imag(f(1+1i)))
	fmt.Println(math.Inf(1) == real(complex(math.Inf(1), 0)))
}
