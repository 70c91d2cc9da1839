// go and defer take any function or method call, including builtins like close and package
// functions; their arguments are evaluated at the go/defer statement.
package main

import (
	"fmt"
	"sync"
)

type T struct{ name string }

func (t T) Hello(n int) { fmt.Println("hello", t.name, n) }

func main() {
	var wg sync.WaitGroup
	ch := make(chan int, 3)
	wg.Add(2)
	go func() { defer wg.Done(); ch <- 1 }()
	go wg.Done()
	wg.Wait()
	i := 1
	defer fmt.Println("deferred Println sees i =", i)
	i = 2
	t := T{"a"}
	defer t.Hello(i)
	t.name = "b"
	m := map[string]int{"x": 1, "y": 2}
	func() {
		defer delete(m, "x")
		defer close(ch)
	}()
	for v := range ch {
		fmt.Println("got", v)
	}
	fmt.Println(len(m))
}
