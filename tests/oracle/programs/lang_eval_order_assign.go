// A tuple assignment evaluates every index and pointer operand on the left and every
// expression on the right first, then assigns left to right.
package main

import "fmt"

func main() {
	i := 0
	x := []int{10, 20, 30}
	i, x[i] = 1, 99 // x[0] = 99: the index was evaluated before i changed
	fmt.Println(i, x)

	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)

	x[1], x[2] = x[2], x[1]
	fmt.Println(x)

	j := 2
	x[j], j = 7, 0
	fmt.Println(j, x)
}
