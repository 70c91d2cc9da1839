// cmp.Compare, cmp.Less and cmp.Or; NaN sorts before every number.
package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

type person struct {
	name string
	age  int
}

func main() {
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Compare(2.0, 2.0))
	fmt.Println(cmp.Less(math.NaN(), 0), cmp.Compare(math.NaN(), math.Inf(-1)))
	fmt.Println(cmp.Or("", "default"), cmp.Or(0, 0, 3, 4), cmp.Or[string]())
	people := []person{{"bo", 30}, {"al", 30}, {"cy", 25}}
	slices.SortFunc(people, func(a, b person) int {
		return cmp.Or(cmp.Compare(a.age, b.age), cmp.Compare(a.name, b.name))
	})
	fmt.Println(people)
}
