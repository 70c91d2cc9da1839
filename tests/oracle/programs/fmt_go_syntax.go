// %#v prints Go syntax: struct literals with field names, (*T)(nil), error(nil), []int(nil),
// quoted strings, floats as 3; a Duration inside a struct as its integer.
package main

import (
	"errors"
	"fmt"
	"time"
)

type P struct {
	X    int
	Name string
	Tags []string
	M    map[string]int
	Next *P
	Err  error
	D    time.Duration
}

func main() {
	p := P{1, "a", []string{"x"}, map[string]int{"k": 2}, nil, nil, time.Second}
	fmt.Printf("%#v\n%#v\n%#v %#v %#v\n", p, &p, []int(nil), "q", 3.0)
	fmt.Printf("%v %s\n", errors.New("e"), time.Duration(1500)*time.Millisecond)
}
