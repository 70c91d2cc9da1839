// slices' Func variants, Grow and Clip: generic functions over any element and slice type.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

type People []Person

func main() {
	ps := People{{"Ann", 30}, {"Bob", 25}, {"Cy", 30}, {"Di", 41}}
	byAge := func(a, b Person) int { return cmp.Compare(a.Age, b.Age) }
	fmt.Println(slices.MinFunc(ps, byAge), slices.MaxFunc(ps, byAge))
	fmt.Println(slices.IsSortedFunc(ps, byAge))
	slices.SortStableFunc(ps, byAge)
	fmt.Println(ps, slices.IsSortedFunc(ps, byAge))
	i, found := slices.BinarySearchFunc(ps, 30, func(p Person, age int) int { return cmp.Compare(p.Age, age) })
	fmt.Println(i, found)
	young := slices.DeleteFunc(slices.Clone(ps), func(p Person) bool { return p.Age >= 30 })
	fmt.Printf("%v %T\n", young, young)
	words := []string{"Go", "go", "GO", "rust", "Rust", "go"}
	fmt.Println(slices.CompactFunc(words, strings.EqualFold))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(n int, s string) bool { return fmt.Sprint(n) == s }))
	fmt.Println(slices.CompareFunc([]int{1, 2}, []int{1, 3}, func(a, b int) int { return cmp.Compare(a, b) }))
	g := slices.Grow([]int{1}, 10)
	fmt.Println(len(g), cap(g) >= 11, len(slices.Clip(g)), cap(slices.Clip(g)))
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.MinFunc([]int{}, func(a, b int) int { return a - b })
}
