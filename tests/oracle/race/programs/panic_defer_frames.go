// Deferred calls run by a panic: a recovering closure and a deferred call with an argument
// (which Go wraps) each write a plain variable that main reads later. Go's reports show them
// over runtime.gopanic, and nothing of the panicking function under it.
package main

import (
	"fmt"
	"time"
)

var recovered, counted int

func count(n int) {
	counted += n
}

func worker() {
	defer func() {
		if r := recover(); r != nil {
			recovered++
		}
	}()
	defer count(1)
	step()
}

func step() {
	var m map[string]int
	m["x"] = 1 // panics: assignment to entry in nil map
}

func main() {
	go worker()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(counted)
	fmt.Println(recovered)
}
