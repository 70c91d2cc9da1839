// Go 1.22+: each loop iteration has its own variable, so closures see different values.
// Closures still capture variables by reference.
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	shared := 1
	show := func() { fmt.Println("shared is", shared) }
	shared = 2
	show()
	c1, c2 := counter(), counter()
	c1()
	c1()
	fmt.Println(c1(), c2())
	done := make(chan int)
	for _, v := range []int{5, 6, 7} {
		go func() { done <- v }()
		fmt.Println("goroutine saw", <-done)
	}
}
