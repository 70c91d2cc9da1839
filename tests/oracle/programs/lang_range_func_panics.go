// Range over functions: an iterator that ignores yield's false panics with Go's runtime
// error, a defer in the loop body runs when the enclosing function returns, a panic in the
// body unwinds through the iterator (its defers run), and a recover in the enclosing
// function sees it.
package main

import "fmt"

func stubborn(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		yield(i)
	}
}

func cleanup(yield func(string) bool) {
	defer fmt.Println("iterator cleanup")
	yield("a")
	yield("b")
}

func body() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	for s := range cleanup {
		defer fmt.Println("deferred", s)
		if s == "b" {
			panic("boom in body")
		}
	}
	return nil
}

func main() {
	fmt.Println(body())
	defer func() {
		r := recover()
		fmt.Println("main recovered:", r)
		if e, ok := r.(error); ok {
			fmt.Println("is error:", e.Error())
		}
	}()
	for i := range stubborn {
		fmt.Println("got", i)
		break
	}
	fmt.Println("not reached")
}
