// fmt prints an array of bytes as Go's printValue does: %s, %q, %x and %X take its bytes as
// text (as for a []byte), the other verbs print it element by element.
package main

import "fmt"

type ID [4]byte

type MyByte byte

type rec struct {
	Tag [2]byte
	N   int
}

func main() {
	a := [4]byte{'G', 'o', 0x01, 0x7e}
	for _, f := range []string{"%v", "%d", "%x", "%X", "% x", "%#x", "%s", "%q", "%#v", "%o", "%c", "%10x", "%-10x|", "%.2x", "%T"} {
		fmt.Printf(f+"\n", a)
	}
	id := ID{0xde, 0xad, 0xbe, 0xef}
	fmt.Printf("%x %v %X %x\n", id, id, id[1:3], []ID{id, {}})
	fmt.Println(id, [0]byte{}, fmt.Sprintf("[%x]", [0]byte{}))
	m := [3]MyByte{'a', 'b', 'c'}
	fmt.Printf("%x %s %v\n", m, m, m)
	r := rec{[2]byte{'h', 'i'}, 7}
	fmt.Printf("%x %v %+v\n", r, r, r)
	s := []byte("abcdef")
	p := (*[4]byte)(s)
	fmt.Printf("%x %x %s %v\n", *p, p, *p, p)
	arr := [4]byte(s[2:])
	s[2] = 'Z'
	fmt.Printf("%s %s\n", arr, s)
	fmt.Printf("%x\n", [][2]byte{{1, 2}, {3, 4}})
	fmt.Printf("%v %x\n", map[[2]byte]int{{'k', 1}: 1}, map[[2]byte]int{{'k', 1}: 1})
	var n [3]int8
	fmt.Printf("%x %v\n", [3]int8{-1, 2, 3}, n)
	fmt.Printf("%x\n", [2][2]byte{{0xa, 0xb}, {0xc, 0xd}})
}
