// A generic function passed to a generic function without type arguments: Go infers both
// (Map(xs, Twice) gives Twice's T from xs, and Map's U from Twice's result), or with them.
package main

import (
	"fmt"
	"strconv"
)

type Number interface{ ~int | ~float64 }

type Celsius float64

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, acc A, f func(A, T) A) A {
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Compose[A, B, C any](f func(A) B, g func(B) C) func(A) C {
	return func(a A) C { return g(f(a)) }
}

func Double(x int) int { return 2 * x }

func Twice[T Number](x T) T { return x + x }

func Show[T any](x T) string { return fmt.Sprintf("<%v>", x) }

func Positive[T Number](x T) bool { return x > 0 }

func Add[T Number](a, b T) T { return a + b }

func Pair[K comparable, V any](k K, v V) string { return fmt.Sprint(k, "=", v) }

func Apply2[K comparable, V any](k K, v V, f func(K, V) string) string { return f(k, v) }

func main() {
	xs := []int{3, -1, 4}
	fmt.Println(Map(xs, Double), Map(xs, Twice), Map(xs, Twice[int]))
	fmt.Println(Map(xs, Show), Map(xs, strconv.Itoa))
	fmt.Println(Map([]Celsius{1.5, -2}, Twice), Map(Map(xs, Twice), Show))
	fmt.Println(Filter(xs, Positive), Filter([]float64{-0.5, 2.5}, Positive[float64]))
	fmt.Println(Reduce(xs, 0, Add), Reduce([]float64{1, 2.5}, 0.5, Add))
	f := Compose(Twice[int], Show)
	g := Compose(Show[Celsius], strconv.Quote)
	fmt.Println(f(21), g(36.6))
	fmt.Println(Apply2("k", 1.5, Pair))
	var h func(int) string = Compose(Double, Show)
	fmt.Printf("%T %s\n", Map[int, string], h(5))
}
