// Constraints with unions and ~: Number accepts any type whose underlying type is an integer or
// float type, so a named type like Celsius works too.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

func Sum[T Number](xs ...T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

func Max[T int | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Stringish interface {
	~string
	Len() int
}

type Word string

func (w Word) Len() int { return len(w) }

func Lengths[S Stringish](xs []S) []int {
	var out []int
	for _, x := range xs {
		out = append(out, x.Len())
	}
	return out
}

func main() {
	fmt.Println(Sum(1, 2, 3))
	fmt.Println(Sum(1.5, 2.25))
	fmt.Println(Sum[Celsius](20, 1.5))
	fmt.Println(Max("go", "lite"), Max(3, 7))
	fmt.Println(Lengths([]Word{"a", "abc"}))
}
