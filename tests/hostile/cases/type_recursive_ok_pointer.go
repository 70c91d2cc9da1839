// hostile: recursion through a pointer, slice, map, chan or func is valid
// expect: exit
// stdout: ok
package main

import "fmt"

type T struct {
	p *T
	s []T
	m map[int]T
	c chan T
	f func(T) T
}

func main() {
	var t T
	t.s = append(t.s, T{})
	_ = t
	fmt.Println("ok")
}
