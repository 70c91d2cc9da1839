// What a panic prints for non-string values: a float, a custom Stringer type, a bool.
package main

import "fmt"

type Code int

func (c Code) String() string { return fmt.Sprintf("code-%d", int(c)) }

func try(v any) {
	defer func() {
		r := recover()
		fmt.Printf("recovered %v (%T)\n", r, r)
	}()
	panic(v)
}

func main() {
	try(1.5)
	try(Code(7))
	try(true)
	panic(Code(3))
}
