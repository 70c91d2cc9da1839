// Slice to array and array pointer conversions: the pointer shares the slice's backing array
// (writes through either show in both; *p copies; p[:] slices it again), the array is a deep
// copy, and a slice shorter than the array panics with Go's message.
package main

import "fmt"

type pt struct{ x, y int }

func sum(p *[3]int) (t int) {
	for _, v := range p {
		t += v
	}
	return t
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3, 4, 5, 6}
	p := (*[3]int)(s[2:])
	fmt.Println(p, *p, len(p), sum(p))
	p[0] = 30
	s[3] = 40
	fmt.Println(s, *p)
	*p = [3]int{7, 8, 9}
	fmt.Println(s)
	a := *p
	a[0] = -1
	fmt.Println(a, *p, s)
	q := p[:]
	q[2] = 90
	fmt.Println(len(q), cap(q), s)
	fmt.Println(p == (*[3]int)(s[2:]), p == (*[3]int)(s[1:]), p != nil)
	for i := range p {
		p[i] *= 10
	}
	fmt.Println(s)

	ps := []pt{{1, 2}, {3, 4}}
	arr := [2]pt(ps)
	arr[0].x = 100
	pp := (*[2]pt)(ps)
	pp[1].y = 400
	fmt.Println(arr, ps, *pp)

	b := []byte("hello")
	hb := (*[4]byte)(b)
	hb[0] = 'j'
	fmt.Println(string(b), [5]byte(b) == [5]byte{'j', 'e', 'l', 'l', 'o'})

	var nilSlice []int
	fmt.Println((*[0]int)(nilSlice) == nil, (*[0]int)(s[:0]) == nil, [0]int(nilSlice))
	try("array", func() { _ = [4]int(s[:3]) })
	try("pointer", func() { _ = (*[7]int)(s) })
	try("nil", func() { _ = (*[1]int)(nilSlice) })
}
