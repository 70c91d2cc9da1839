// Deferred calls run last-in first-out, with the arguments evaluated at the defer statement;
// a deferred closure sees the variable's final value and may change named results.
package main

import "fmt"

func double() (n int) {
	defer func() { n *= 2 }()
	n = 5
	return n + 1
}

func main() {
	for i := range 3 {
		defer fmt.Println("defer arg", i)
	}
	x := 1
	defer func() { fmt.Println("closure sees", x) }()
	x = 2
	fmt.Println(double())
}
