// Package functions are values: fmt.Println can be stored, passed and called later.
package main

import (
	"fmt"
	"strings"
)

func apply(xs []string, f func(string) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	p := fmt.Println
	p("printed through a value", 42)
	n, err := p("returns", "count")
	fmt.Println(n, err)
	fmt.Println(apply([]string{"go", "lite"}, strings.ToUpper))
	var trim func(string, string) string = strings.TrimPrefix
	fmt.Println(trim("golang", "go"))
	fs := map[string]func(string) bool{"empty": func(s string) bool { return s == "" }}
	fmt.Println(fs["empty"](""), p != nil)
}
