// Range over functions (iter.Seq, iter.Seq2): the loop body is the yield callback; break
// makes yield return false.
package main

import (
	"fmt"
	"iter"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func pairs(xs []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func main() {
	for i := range count(3) {
		fmt.Println("i", i)
	}
	for i := range count(10) {
		if i == 2 {
			break
		}
	}
	for i, s := range pairs([]string{"a", "b"}) {
		fmt.Println(i, s)
	}
	for range count(2) {
		fmt.Println("tick")
	}
}
