// append grows capacity the way Go does; slices share backing arrays until append reallocates.
// (The slices escape to the heap through `kept`: a slice that stays on the stack may start from
// a larger stack buffer, an optimisation of the compiler rather than a rule of the language.)
package main

import "fmt"

var kept [][]int

func main() {
	var s []int
	kept = append(kept, s)
	prev := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		kept[0] = s
		if cap(s) != prev {
			fmt.Print(cap(s), " ")
			prev = cap(s)
		}
	}
	fmt.Println()
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	fmt.Println(b, len(b), cap(b))
	b = append(b, 99) // writes into a's backing array
	fmt.Println(a, b)
	c := a[1:3:3]
	c = append(c, 100) // full slice expression: reallocates
	fmt.Println(a, c)
	dst := make([]int, 2)
	n := copy(dst, a)
	fmt.Println(n, dst)
	bs := append([]byte("ab"), "cd"...)
	fmt.Println(string(bs), len(bs))
	m := make([]string, 0, 5)
	fmt.Println(len(m), cap(m), m == nil, s[:0] == nil)
	var strs []string
	for i := 0; i < 10; i++ {
		strs = append(strs, "x")
	}
	fmt.Println(len(strs), cap(strs))
	grid := make([][]int, 2)
	for i := range grid {
		grid[i] = make([]int, 3)
	}
	grid[1][2] = 5
	fmt.Println(grid)
}
