// Pointers into a struct or array keep pointing at its storage when the whole value, a field or
// an inline array is assigned again: Go copies into the storage, it does not replace it. A
// pointer field is re-pointed, not written through.
package main

import "fmt"

type In struct{ v int }
type Out struct {
	in  In
	arr [2]In
	n   int
}

var g Out

func main() {
	o := Out{}
	r := &o.in
	o.in = In{5}
	fmt.Println(o.in.v, r.v)
	q := &o.arr[1]
	o.arr = [2]In{{1}, {2}}
	fmt.Println(o.arr, q.v)
	o.arr[0] = In{9}
	fmt.Println(o.arr)
	gp := &g
	g = Out{n: 3}
	fmt.Println(gp.n)
	x := Out{n: 1}
	f := func() { x = Out{n: 7} }
	px := &x
	f()
	fmt.Println(px.n, x.n)
	var s1, s2 In
	ps1 := &s1
	s1, s2 = In{4}, In{6}
	fmt.Println(ps1.v, s1, s2)
	type P struct{ p *In }
	a := In{1}
	b := In{2}
	holder := P{&a}
	holder = P{&b}
	fmt.Println(holder.p.v, a.v)
}
