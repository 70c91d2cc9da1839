// The runtime's panic messages, each caught by recover and printed.
package main

import (
	"errors"
	"fmt"
)

type animal interface{ sound() string }
type dog struct{}

func (dog) sound() string { return "woof" }

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		fmt.Printf("%s: %v (error: %v)\n", name, r, isErr && err != nil)
	}()
	f()
}

func main() {
	var s []int = []int{1, 2, 3}
	i, j := 5, 1
	var m map[string]int
	var p *struct{ x int }
	var a any = "text"
	var an animal
	zero := 0
	try("index", func() { _ = s[i] })
	try("negative index", func() { k := -1; _ = s[k+0*i] })
	try("slice bounds", func() { _ = s[j:i] })
	try("slice bounds inverted", func() { _ = s[2:j] })
	try("string index", func() { _ = "abc"[i] })
	try("array index", func() { arr := [3]int{}; _ = arr[i%4+i-2] })
	try("nil map", func() { m["x"] = 1 })
	try("nil pointer", func() { p.x = 1 })
	try("divide", func() { _ = 10 / zero })
	try("modulo", func() { _ = 10 % zero })
	try("assert", func() { _ = a.(int) })
	try("assert interface", func() { _ = a.(animal) })
	try("nil interface method", func() { _ = an.sound() })
	try("custom", func() { panic(errors.New("custom error")) })
	try("value", func() { panic(42) })
	try("closed channel", func() { c := make(chan int); close(c); close(c) })
	try("make negative", func() { n := -i; _ = make([]int, n) })
	try("no panic", func() {})
}
