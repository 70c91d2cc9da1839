// fmt.Sscan with a nil *int panics when it stores (not before: a failed scan is an error), and
// with a nil operand panics in reflect, after storing the operands before it.
package main

import "fmt"

func main() {
	var p *int
	n, err := fmt.Sscan("x", p)
	fmt.Println(n, err)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Sscan("5", p)
	}()
	var a int
	defer func() { fmt.Println("a =", a) }()
	fmt.Sscan("7 8", &a, nil)
}
