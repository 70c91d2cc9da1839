// Range over functions: continue, break, labeled break and continue of enclosing loops,
// nested iterator loops, a return from two loops deep, assignment to existing variables,
// a method value as the iterator, and switch inside the body.
package main

import (
	"fmt"
	"iter"
)

func upto(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("upto", n, "done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("upto", n, "stopped at", i)
				return
			}
		}
	}
}

type bag struct{ items []string }

func (b *bag) each(yield func(int, string) bool) {
	for i, s := range b.items {
		if !yield(i, s) {
			return
		}
	}
}

func find(target int) (at string, ok bool) {
	for i := range upto(3) {
		for j := range upto(4) {
			if i*j == target {
				return fmt.Sprint(i, "x", j), true
			}
		}
	}
	return "", false
}

func main() {
	for i := range upto(5) {
		if i%2 == 0 {
			continue
		}
		fmt.Println("odd", i)
	}
outer:
	for i := range upto(3) {
		for j := range upto(3) {
			switch {
			case j == 1:
				continue outer
			case i == 2:
				break outer
			}
			fmt.Println("pair", i, j)
		}
	}
	fmt.Println(find(4))
	fmt.Println(find(7))
	var k int
	var s string
	b := &bag{items: []string{"x", "y", "z"}}
	for k, s = range b.each {
		if s == "y" {
			break
		}
	}
	fmt.Println("last", k, s)
	n := 0
	for range upto(4) {
		n++
	}
	fmt.Println("count", n)
	for i := range 3 {
		for j := range upto(10) {
			if j > i {
				break
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
}
