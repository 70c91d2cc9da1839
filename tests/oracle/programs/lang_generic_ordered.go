// cmp.Ordered constraints, constraint type inference (S ~[]E) and a generic binary tree.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func MaxOf[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

func Filter[S ~[]E, E any](s S, keep func(E) bool) S {
	var out S
	for _, v := range s {
		if keep(v) {
			out = append(out, v)
		}
	}
	return out
}

func SortedKeys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

type Names []string

func (n Names) Join() string { return strings.Join(n, "+") }

type Tree[T cmp.Ordered] struct {
	root *node[T]
}

type node[T cmp.Ordered] struct {
	v           T
	left, right *node[T]
}

func (t *Tree[T]) Insert(v T) {
	t.root = t.root.insert(v)
}

func (n *node[T]) insert(v T) *node[T] {
	if n == nil {
		return &node[T]{v: v}
	}
	switch c := cmp.Compare(v, n.v); {
	case c < 0:
		n.left = n.left.insert(v)
	case c > 0:
		n.right = n.right.insert(v)
	}
	return n
}

func (n *node[T]) walk(f func(T)) {
	if n == nil {
		return
	}
	n.left.walk(f)
	f(n.v)
	n.right.walk(f)
}

func (t *Tree[T]) Sorted() []T {
	var out []T
	t.root.walk(func(v T) { out = append(out, v) })
	return out
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func main() {
	fmt.Println(MaxOf(3, 9, 2), MaxOf("kiwi", "apple"), MaxOf(1.5, -2))
	short := Filter(Names{"go", "rust", "c"}, func(s string) bool { return len(s) <= 2 })
	fmt.Println(short.Join(), len(short))
	fmt.Println(SortedKeys(map[string]bool{"b": true, "a": false, "c": true}))
	var t Tree[int]
	for _, v := range []int{5, 2, 8, 2, 1} {
		t.Insert(v)
	}
	fmt.Println(t.Sorted())
	var ts Tree[string]
	ts.Insert("m")
	ts.Insert("a")
	fmt.Println(ts.Sorted())
	ps := []Pair[string, int]{{"x", 2}, {"y", 1}}
	slices.SortFunc(ps, func(a, b Pair[string, int]) int { return cmp.Compare(a.Val, b.Val) })
	fmt.Println(ps, ps[0])
	fmt.Println(slices.Max([]float64{1, 4.5, 2}), slices.Index([]string{"a", "b"}, "b"))
}
