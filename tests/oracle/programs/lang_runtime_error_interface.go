// The runtime's panics implement runtime.Error, the program's own do not: a recover can tell
// them apart. Since Go 1.21, panic(nil) is a runtime error too, and recover returns it (not
// nil), so `if r := recover(); r != nil` sees it.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		re, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: recovered=%v runtime=%v", name, r != nil, isRuntime)
		if isRuntime {
			fmt.Printf(" %q", re.Error())
		}
		fmt.Println()
	}()
	f()
}

func main() {
	var m map[string]int
	var p *struct{ x int }
	var a any = "text"
	xs := []int{1, 2, 3}
	i, zero := 5, 0
	try("index", func() { _ = xs[i] })
	try("nil map", func() { m["k"] = 1 })
	try("nil pointer", func() { p.x = 1 })
	try("divide", func() { _ = i / zero })
	try("assertion", func() { _ = a.(int) })
	try("nil", func() { panic(nil) })
	try("error value", func() { panic(errors.New("mine")) })
	try("string", func() { panic("mine") })
}
