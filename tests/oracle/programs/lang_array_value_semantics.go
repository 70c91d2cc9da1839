// Arrays are values: assigning, passing and ranging copy them; == compares every element.
package main

import "fmt"

func zero(a [3]int) { a[0] = 0 }

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 9
	zero(a)
	fmt.Println(a, b, a == b, a == [3]int{1, 2, 3})
	for i, v := range a {
		a[2] = 100 // the range expression was copied: v stays 3
		if i == 2 {
			fmt.Println("v", v)
		}
	}
	grid := [2][2]string{{"a", "b"}, {"c", "d"}}
	g2 := grid
	g2[1][1] = "z"
	fmt.Println(grid, g2)
	type key struct{ a [2]int }
	m := map[key]int{{[2]int{1, 2}}: 7}
	fmt.Println(m[key{[2]int{1, 2}}])
}
