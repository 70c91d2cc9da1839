// Block scopes: := in if/switch/for headers and inner blocks declares new variables that
// shadow outer ones; assignments with = change the outer ones.
package main

import (
	"errors"
	"fmt"
)

func lookup(k string) (int, error) {
	if k == "" {
		return 0, errors.New("empty key")
	}
	return len(k), nil
}

func main() {
	x := 1
	if x := 2; x > 1 {
		x++
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
	var err error
	if v, err := lookup(""); err != nil {
		fmt.Println("shadowed err:", err, v)
	}
	fmt.Println("outer err still", err)
	n, err := lookup("abc") // reuses err, declares n
	fmt.Println(n, err)
	{
		n := "block"
		fmt.Println(n)
	}
	fmt.Println(n)
	switch y := x * 10; {
	case y > 5:
		x = y
	}
	fmt.Println("x after switch", x)
	total := 0
	for i := 0; i < 3; i++ {
		total := total + i // a new total each iteration
		_ = total
	}
	fmt.Println("total", total)
}
