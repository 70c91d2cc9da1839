package main

import "fmt"

// A full slice expression a[lo:hi:max] limits the capacity but shares the array: writes through
// it are seen in a, and an append within the capacity writes into a's array.
func main() {
	b := make([]byte, 8)
	s := b[:0:4]
	s = append(s, 1, 2)
	fmt.Println(b[:3], len(s), cap(s))
	t := b[2:4:6]
	t[0] = 9
	t = append(t, 7)
	fmt.Println(b, len(t), cap(t))
	t = append(t, 5, 6, 3)
	t[0] = 42
	fmt.Println(b, t)
}
