package main

import "fmt"

// A slice's capacity is its own: a full slice expression on an array or a slice lowers it,
// reslicing up to the capacity sees the shared array again, and the bounds are checked in Go's
// order (max, then high, then low) with the runtime's messages.
func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	var a [6]int
	u := a[1:2:4]
	fmt.Println(len(u), cap(u))
	u = append(u, 7, 8)
	fmt.Println(a, u[:cap(u)])
	u = append(u, 9)
	u[0] = 5
	fmt.Println(a, u, cap(u) >= 4)
	s := a[:]
	w := s[2:3:3]
	fmt.Println(w[:1], cap(w))
	i, j, k := 1, 4, 5
	try("max>cap", func() { _ = w[0:1:k] })
	try("hi>max", func() { _ = s[0:j:2] })
	try("lo>hi", func() { _ = s[j:i:5] })
	try("array max", func() { _ = a[0:1:k+2] })
	try("reslice", func() { _ = w[:k] })
	x := s[1:3]
	fmt.Println(len(x), cap(x), len(x[:5]))
}
