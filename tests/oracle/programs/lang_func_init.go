// A package may have several func init; they run in source order after every package-level
// variable is initialized (in dependency order), and before main.
package main

import "fmt"

var a = b + 1 // depends on b: initialized after it
var b = f("b")

func f(s string) int {
	fmt.Println("init var", s)
	return 10
}

func init() {
	fmt.Println("init 1, a =", a)
}

func init() {
	fmt.Println("init 2")
	a *= 2
}

func main() {
	fmt.Println("main, a =", a, "b =", b)
}

func init() {
	fmt.Println("init 3 (declared after main)")
}
