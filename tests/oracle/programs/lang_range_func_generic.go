// Range over functions in generic code: a generic list's All method returns iter.Seq[T], a
// generic Filter and Map compose iterators, goroutines started in the loop body see each
// iteration's own variable, and slices.Collect gathers the result.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"sync"
)

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, v := range l.items {
			if !yield(v) {
				return
			}
		}
	}
}

func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Map[T, U any](seq iter.Seq[T], f func(T) U) iter.Seq[U] {
	return func(yield func(U) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func main() {
	var l List[int]
	for i := range 10 {
		l.Push(i)
	}
	even := Filter(l.All(), func(x int) bool { return x%2 == 0 })
	sq := Map(even, func(x int) string { return fmt.Sprint(x * x) })
	fmt.Println(slices.Collect(sq))
	for s := range sq {
		if s == "16" {
			break
		}
		fmt.Print(s, " ")
	}
	fmt.Println()
	var wg sync.WaitGroup
	results := make([]int, 5)
	for i := range Filter(l.All(), func(x int) bool { return x < 5 }) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = i * 10
		}()
	}
	wg.Wait()
	fmt.Println(results)
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	total := 0
	for _, v := range maps.All(m) {
		total += v
	}
	fmt.Println(keys, total, len(slices.Collect(maps.Values(m))))
}
