// Comparing two interfaces holding slices compiles but panics at run time.
package main

import "fmt"

func same(a, b any) bool { return a == b }

func main() {
	fmt.Println(same(1, 1), same("a", "b"), same(1, "1"))
	fmt.Println(same([2]int{1, 2}, [2]int{1, 2}))
	fmt.Println(same([]int{1}, []int{1}))
}
