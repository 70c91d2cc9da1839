// Byte arrays as golite stores them (bytes, not values): make, append of values, strings and slices (growing and in place), copy within one array and across, conversions, indexing through pointers, [N]byte arrays as values, struct fields and map keys, clear, array pointers into slices, fmt of every kind.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

type H struct {
	sum [4]byte
	n   int
}

func main() {
	b := make([]byte, 3, 10)
	b[0] = 'a'
	b[1] = 300 & 0xff
	b = append(b, "xyz"...)
	b = append(b, 'q', 'r')
	fmt.Println(b, string(b), len(b), cap(b))
	c := make([]byte, 4)
	n := copy(c, b[3:])
	fmt.Println(n, c, string(c))
	copy(b[1:], b)
	fmt.Printf("%v %s %x %q\n", b, b, b, b)
	var a [4]byte
	a[2] = 7
	h := H{sum: a}
	h2 := h
	h2.sum[0] = 9
	fmt.Println(h, h2, h == h2, a == [4]byte{0, 0, 7, 0})
	m := map[[4]byte]int{a: 1}
	m[[4]byte{0, 0, 7, 0}]++
	fmt.Println(m)
	p := &b[2]
	*p = 'Z'
	fmt.Println(string(b), *p)
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	fmt.Println(buf.String(), buf.Len())
	s := strings.Repeat("ab", 3)
	bs := []byte(s)
	for i, x := range bs {
		if i < 2 {
			fmt.Print(i, x, " ")
		}
	}
	fmt.Println()
	var nb []byte
	for i := 0; i < 40; i++ {
		nb = append(nb, byte(i))
	}
	fmt.Println(len(nb), cap(nb), nb[39])
	clear(nb[:5])
	fmt.Println(nb[:7], bytes.Equal(nb[:3], []byte{0, 0, 0}))
	arr := [3]byte{1, 2, 3}
	sl := arr[:]
	sl[0] = 100
	fmt.Println(arr, sl)
	pa := (*[2]byte)(nb[5:])
	fmt.Println(*pa, pa[1])
	*pa = [2]byte{8, 9}
	fmt.Println(nb[4:8])
}
