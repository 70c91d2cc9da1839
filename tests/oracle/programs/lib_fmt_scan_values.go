// fmt's scanning functions as values: fmt.Fscan through a variable keeps a strings.Reader's place.
package main

import (
	"fmt"
	"strings"
)

func main() {
	f := fmt.Fscan
	var x, y int
	r := strings.NewReader("5 6")
	n, err := f(r, &x)
	n2, err2 := fmt.Fscan(r, &y)
	fmt.Println(n, err, x, n2, err2, y)
	g := fmt.Fscanf
	n, err = g(strings.NewReader("a1"), "a%d", &x)
	fmt.Println(n, err, x)
	h := fmt.Scanln
	n, err = h(&x)
	fmt.Println(n, err)
}
