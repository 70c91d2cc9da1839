// Method sets: a value of T has only T's methods in an interface, *T has both; embedding a
// pointer promotes the pointer methods.
package main

import "fmt"

type Base struct{ id int }

func (b *Base) SetID(n int) { b.id = n }
func (b Base) ID() int      { return b.id }

type Derived struct {
	*Base
	name string
}

type IDer interface{ ID() int }
type Setter interface{ SetID(int) }

func main() {
	d := Derived{&Base{1}, "d"}
	d.SetID(5)
	fmt.Println(d.ID(), d.Base.id)
	var s Setter = d // Derived embeds *Base: SetID is in its method set
	s.SetID(9)
	fmt.Println(d.ID())
	var i IDer = Base{3}
	fmt.Println(i.ID())
	_, ok := i.(Setter)
	fmt.Println(ok)
}
