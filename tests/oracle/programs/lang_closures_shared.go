// Closures share captured variables; Go 1.22 loops give each iteration its own variable.
package main

import "fmt"

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func main() {
	next, reset := counter()
	fmt.Println(next(), next())
	reset()
	fmt.Println(next())
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fib := func() func() int {
		a, b := 0, 1
		return func() int { a, b = b, a+b; return a }
	}()
	fmt.Println(fib(), fib(), fib(), fib(), fib())
}
