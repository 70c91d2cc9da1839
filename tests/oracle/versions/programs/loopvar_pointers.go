// Taking the address of a loop variable: before Go 1.22 every pointer is the same variable.
package main

import "fmt"

func main() {
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2], ps[0] == ps[2])
	var qs []*string
	for _, s := range []string{"x", "y"} {
		qs = append(qs, &s)
	}
	fmt.Println(*qs[0], *qs[1])
}
