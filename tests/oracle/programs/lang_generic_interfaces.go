// Generic interfaces, embedding a generic type, method values of instances, a constraint
// that names another type parameter, and generic types sent over channels.
package main

import (
	"fmt"
	"strings"
)

type Getter[T any] interface {
	Get() T
}

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func (b *Box[T]) Set(v T) { b.v = v }

type Named[T any] struct {
	Box[T]
	name string
}

func Collect[T any](gs ...Getter[T]) []T {
	var out []T
	for _, g := range gs {
		out = append(out, g.Get())
	}
	return out
}

type Number interface{ ~int | ~float64 }

func Scale[S ~[]E, E Number](s S, k E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * k
	}
	return out
}

type Message[T any] struct {
	ID   int
	Body T
}

func produce[T any](bodies []T) <-chan Message[T] {
	ch := make(chan Message[T], len(bodies))
	for i, b := range bodies {
		ch <- Message[T]{i, b}
	}
	close(ch)
	return ch
}

func Keys[K comparable, V any](m map[K]V) int { return len(m) }

func main() {
	b := Box[int]{1}
	b.Set(5)
	get := b.Get
	fmt.Println(get(), Collect[int](b, Box[int]{7}))
	n := Named[string]{Box[string]{"x"}, "n"}
	n.Set("y")
	fmt.Println(n.Get(), n.name, n)
	var g Getter[string] = n
	fmt.Printf("%v %T\n", g.Get(), g)
	fmt.Println(Scale([]float64{1, 2}, 1.5), Scale([]int{1, 2}, 3))
	for m := range produce([]string{"a", "b"}) {
		fmt.Println(m.ID, strings.ToUpper(m.Body), m)
	}
	fmt.Println(Keys(map[string]bool{"a": true}))
}
