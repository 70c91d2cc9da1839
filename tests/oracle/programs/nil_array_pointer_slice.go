// Slicing a nil pointer to an array dereferences it (p[:] is (*p)[:]) and panics, as indexing
// does; len, cap and range over it do not.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	var p *[4]int
	var b *[2]byte
	try("p[:]", func() { _ = p[:] })
	try("p[0:0]", func() { _ = p[0:0] })
	try("p[:0:0]", func() { _ = p[:0:0] })
	try("b[1:]", func() { fmt.Println(b[1:]) })
	try("p[1]", func() { _ = p[1] })
	try("len cap", func() { fmt.Println(len(p), cap(p)) })
	try("range", func() {
		for i := range p {
			fmt.Print(i)
		}
		fmt.Println()
	})
	var s []int
	try("nil slice", func() { fmt.Println(s[:], s[0:0] == nil, len(s[:0:0])) })
	q := &[4]int{1, 2, 3, 4}
	try("q", func() { fmt.Println(q[1:3], q[:], cap(q[1:2:3])) })
	p = q
	try("p = q", func() { fmt.Println(p[2:]) })
}
