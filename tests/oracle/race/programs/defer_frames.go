// Racy: writes made by deferred calls, run as their functions return. Go's report shows the
// deferred function's frame over `runtime.deferreturn`, in place of the function that
// deferred it, and a call Go wraps (a builtin, a call with arguments) in `F.deferwrapN` at
// the `defer` line: `defer setA()` and `defer func() {...}()` are not wrapped,
// `defer close(ch)` is.
package main

import (
	"fmt"
	"time"
)

var a, b, c int

func setA() { a = 1 }

func plainFunc() {
	defer setA()
}

func literal() {
	defer func() {
		b = 2
	}()
	time.Sleep(time.Millisecond)
}

func inLoop() {
	for i := 0; i < 2; i++ {
		defer func() {
			c = i
		}()
	}
}

func closer(ch chan int) {
	defer close(ch)
}

func main() {
	ch := make(chan int, 1)
	go plainFunc()
	go literal()
	go inLoop()
	go closer(ch)
	time.Sleep(10 * time.Millisecond)
	fmt.Println(a, b, c)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	ch <- 1
}
