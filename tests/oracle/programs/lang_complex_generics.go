// Complex numbers in generic code (a union with ~complex128, a named complex type with a
// String method), sorted with sort.Slice, map keys of arrays of complex64, every fmt flag.
package main

import (
	"fmt"
	"sort"
)

type Number interface {
	~int | ~float64 | ~complex128
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Neg[T Number](x T) T { return -x }

type C complex128

func (c C) String() string { return fmt.Sprintf("C<%v>", complex128(c)) }

func main() {
	fmt.Println(Sum([]complex128{1, 2i}), Sum([]int{1, 2}), Neg(3+1i))
	var c C = 2 + 2i
	fmt.Println(c, c*c)
	fmt.Printf("%v %s %d\n", c, c, c)
	xs := []complex128{3, 1i, 2}
	sort.Slice(xs, func(i, j int) bool { return real(xs[i]) < real(xs[j]) })
	fmt.Println(xs)
	var e any = c
	if v, ok := e.(fmt.Stringer); ok {
		fmt.Println("stringer", v)
	}
	fmt.Printf("%.3v|%10.2e|%+g|%x|%X|%b\n", 1.23456+7.891i, 1+1i, 1-1i, 1.5+2i, 1.5+2i, 1+0i)
	fmt.Printf("%#v %#g\n", []complex64{1, 2i}, 1+1i)
	type S struct{ Z complex64 }
	fmt.Printf("%+v %#v\n", S{1i}, S{1i})
	m := map[[2]complex64]int{{1, 2i}: 1}
	m[[2]complex64{1, 2i}]++
	fmt.Println(m)
	var z complex64 = 1e38 + 1e38i
	fmt.Println(z*z, z*10)
	f := 2.5
	fmt.Println(complex(f, -f), real(complex(float32(f), 1)))
	var u complex128
	u -= 1
	u *= u
	fmt.Println(u, -u, u == 1)
	const big = 1 << 100
	fmt.Println(complex(big, 0) / (1 << 99))
}
