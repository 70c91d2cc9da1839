// Generic functions as values: explicit instantiation (cmp.Compare[int], Double[float64],
// Map[int, string]), inference of type arguments from the function type a generic function
// is assigned or passed to (var h func(int) int = Double; slices.SortFunc(s, cmp.Compare);
// slices.MinFunc(words, cmp.Compare)), and instances of generic types in every position.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func Double[T ~int | ~float64](x T) T { return x * 2 }

func Show[T any](x T) string { return fmt.Sprintf("<%v>", x) }

func apply(f func(int) int, x int) int { return f(x) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	f := cmp.Compare[int]
	fmt.Println(f(1, 2), f(2, 2), f(3, 2))
	less := cmp.Less[string]
	fmt.Println(less("a", "b"))
	s := []int{3, 1, 2}
	slices.SortFunc(s, cmp.Compare)
	fmt.Println(s)
	words := []string{"pear", "fig", "apple"}
	slices.SortFunc(words, cmp.Compare[string])
	fmt.Println(words, slices.MinFunc(words, cmp.Compare), slices.MaxFunc(words, cmp.Compare))
	i, found := slices.BinarySearchFunc(s, 2, cmp.Compare)
	fmt.Println(i, found)
	g := Double[float64]
	fmt.Printf("%v %T\n", g(1.5), g)
	var h func(int) int = Double
	fmt.Println(h(21), apply(Double, 5))
	var sh func(string) string = Show
	fmt.Println(sh("x"), Map([]int{1, 2}, Show[int]), Map([]string{"a"}, strings.ToUpper))
	m := Map[int, string]
	fmt.Println(m([]int{7}, Show))
	st := new(Stack[int])
	push := st.Push
	push(1)
	push(2)
	var st2 Stack[string]
	st2.Push("z")
	v, ok := st.Pop()
	fmt.Println(v, ok, len(st.items), st2.items)
	ps := []Pair[string, int]{{"a", 1}, {"b", 2}}
	pm := map[Pair[string, int]]bool{ps[0]: true}
	fmt.Printf("%v %T %v\n", ps, ps[1], pm[Pair[string, int]{"a", 1}])
}
