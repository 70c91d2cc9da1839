// Explicit instantiation everywhere Go allows it: method expressions of generic types, conversions,
// type switch cases and assertions, generic functions with type arguments only, composite
// literals and map values of instantiated types, an instantiated function as a value.
package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s Stack[T]) Len() int  { return len(s.items) }

type Ints[T ~int] []T

type Box[T any] struct{ V T }

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	push := (*Stack[int]).Push
	var s Stack[int]
	push(&s, 4)
	ln := Stack[int].Len
	fmt.Println(ln(s))
	x := Ints[int]([]int{1, 2})
	fmt.Printf("%v %T\n", x, x)
	var a any = Box[string]{"hi"}
	switch v := a.(type) {
	case Box[int]:
		fmt.Println("int box", v.V)
	case Box[string]:
		fmt.Println("string box", v.V)
	}
	b, ok := a.(Box[string])
	fmt.Println(b.V, ok)
	fmt.Println(Zero[int](), Zero[string]() == "", Zero[*Box[int]]() == nil)
	bs := map[string]Box[[]int]{"k": {[]int{1}}}
	fmt.Println(bs, len([]Box[int]{{1}, {2}}))
	f := Zero[Box[int]]
	fmt.Printf("%+v\n", f())
}
