// Anonymous structs, embedded interfaces and struct comparison.
package main

import (
	"fmt"
	"strings"
)

type Logger interface{ Log(string) }

type prefix struct{ p string }

func (x prefix) Log(s string) { fmt.Println(x.p + s) }

type Service struct {
	Logger
	name string
}

func main() {
	pt := struct{ X, Y int }{1, 2}
	q := struct{ X, Y int }{1, 2}
	fmt.Println(pt == q, pt)
	s := Service{prefix{"[svc] "}, "db"}
	s.Log("started " + s.name)
	var l Logger = s
	l.Log(strings.Repeat("=", 3))
	items := []struct {
		name string
		qty  int
	}{{"a", 1}, {"b", 2}}
	fmt.Printf("%+v\n", items)
}
