// Deferred calls run last-in first-out, their arguments are evaluated at the defer statement,
// a deferred closure can change named results, and recover stops a panic only inside a defer.
package main

import (
	"errors"
	"fmt"
)

func order() {
	for i := 1; i <= 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 10
	defer fmt.Println("x at defer time:", x)
	x = 20
	defer func() { fmt.Println("x seen by closure:", x) }()
}

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	return a / b, nil
}

func double() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func notInDefer() any { return recover() }

func main() {
	order()
	fmt.Println(safeDivide(7, 2))
	fmt.Println(safeDivide(7, 0))
	fmt.Println(double())
	fmt.Println("recover outside a panic:", notInDefer())
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println("recovered error:", err, ok, errors.Is(err, errBoom))
		}()
		panic(errBoom)
	}()
	fmt.Println("main continues")
}

var errBoom = errors.New("boom")
