// goto: a backward jump makes a loop, a forward jump skips statements (no declaration in
// between), a jump out of nested blocks and loops, and a label also used by break.
package main

import "fmt"

func find(grid [][]int, want int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == want {
				fmt.Println("found at", i, j)
				goto found
			}
		}
	}
	return -1, -1
found:
	return 1, 1
}

func main() {
	n := 0
again:
	n++
	if n < 4 {
		goto again
	}
	fmt.Println("n", n)
	var s string
	if n > 3 {
		goto skip
	}
	s = "not skipped"
skip:
	fmt.Println("s", s == "")
	fmt.Println(find([][]int{{1, 2}, {3, 4}}, 4))
	fmt.Println(find([][]int{{1}}, 9))
	i := 0
outer:
	for {
		i++
		switch {
		case i > 2:
			break outer
		default:
			goto outer
		}
	}
	fmt.Println("i", i)
}
