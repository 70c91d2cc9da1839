// The spec evaluates function calls, method calls and communication left to right: in
// a("3")(b("4")) the call a("3") that yields the function runs before its argument b("4").
package main

import "fmt"

func a(s string) func(int) int {
	fmt.Println("a", s)
	return func(n int) int { return n * 10 }
}

func b(s string) int {
	fmt.Println("b", s)
	return 4
}

func c(s string) int {
	fmt.Println("c", s)
	return 1
}

func main() {
	fmt.Println(a("3")(b("4")))
	fmt.Println(c("left") + c("right"))
	xs := []int{c("x"), c("y"), c("z")}
	fmt.Println(xs)
	m := map[int]int{c("k1"): c("v1")}
	fmt.Println(len(m))
}
