// Generic helpers around zero values, pointers and type parameters in conversions.
package main

import "fmt"

func Zero[T any]() T {
	var z T
	return z
}

func Ptr[T any](v T) *T { return &v }

func Convert[From ~int, To ~float64](x From) To { return To(x) / 2 }

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func main() {
	fmt.Printf("%q %v %v\n", Zero[string](), Zero[int](), Zero[*int]() == nil)
	p := Ptr(5)
	*p++
	fmt.Println(*p)
	fmt.Println(Convert[int, float64](3))
	var l List[string]
	l.Push("x")
	l.Push("y")
	l.Each(func(s string) { fmt.Print(s, " ") })
	fmt.Println(l.size)
}
