// When Go copies and in what order it assigns: range over an array iterates a copy, deferred
// and bound method values capture their receiver when evaluated, tuple assignment evaluates
// index operands first, and map entries deleted before they are reached are never produced.
package main

import "fmt"

type counter struct{ n int }

func (c counter) show(label string) { fmt.Println(label, c.n) }

func main() {
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(arr)
	sl := []int{1, 2, 3}
	for i, v := range sl {
		sl[2] = 100
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()

	c := counter{n: 1}
	defer c.show("deferred value receiver saw")
	bound := c.show
	c.n = 2
	bound("bound method value saw")
	c.show("direct call sees")

	i := 0
	s := []int{0, 0, 0}
	i, s[i] = 1, 9
	fmt.Println(i, s)
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)

	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	visited := 0
	for k := range m {
		for other := range m {
			if other != k {
				delete(m, other)
			}
		}
		visited++
	}
	fmt.Println("visited", visited, "left", len(m))
}
