// A method value taken from an interface binds the dynamic value inside it.
package main

import (
	"fmt"
	"strings"
)

type Name string

func (n Name) String() string { return "name:" + string(n) }

type Shouter interface{ Shout() string }

type Dog struct{ sound string }

func (d *Dog) Shout() string { return strings.ToUpper(d.sound) }

func main() {
	var s fmt.Stringer = Name("gopher")
	f := s.String
	s = Name("other")
	fmt.Println(f(), s.String())

	d := &Dog{"woof"}
	var sh Shouter = d
	g := sh.Shout
	d.sound = "arf" // pointer receiver: the method value sees the change
	fmt.Println(g())

	h := fmt.Stringer.String
	fmt.Println(h(Name("x")))
}
