// iter.Pull and Pull2: the sequence runs only inside next and stop, on a coroutine that
// NumGoroutine counts until the sequence ends or stop; a panic in it reaches next's caller.
package main

import (
	"fmt"
	"iter"
	"maps"
	"runtime"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count: cleanup")
		for i := range n {
			fmt.Println("count: yielding", i)
			if !yield(i) {
				fmt.Println("count: stopped")
				return
			}
		}
	}
}

func main() {
	base := runtime.NumGoroutine()
	next, stop := iter.Pull(count(3))
	fmt.Println("goroutines after Pull:", runtime.NumGoroutine()-base)
	v, ok := next()
	fmt.Println(v, ok, runtime.NumGoroutine()-base)
	v, ok = next()
	fmt.Println(v, ok)
	stop()
	v, ok = next()
	fmt.Println(v, ok, runtime.NumGoroutine()-base)
	stop()

	n2, s2 := iter.Pull(count(2))
	for {
		v, ok := n2()
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
	s2()
	fmt.Println("goroutines:", runtime.NumGoroutine()-base)

	n3, s3 := iter.Pull(count(5))
	s3()
	fmt.Println(n3())

	m := map[string]int{"a": 1}
	n4, s4 := iter.Pull2(maps.All(m))
	k, val, ok := n4()
	fmt.Println(k, val, ok)
	k, val, ok = n4()
	fmt.Printf("%q %v %v\n", k, val, ok)
	s4()

	n5, s5 := iter.Pull(slices.Values([]string{"x", "y"}))
	defer s5()
	fmt.Println(n5())

	bad := func(yield func(int) bool) { yield(1); panic("boom") }
	n6, s6 := iter.Pull(iter.Seq[int](bad))
	defer s6()
	fmt.Println(n6())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(n6())
	}()
	fmt.Println(n6())
}
