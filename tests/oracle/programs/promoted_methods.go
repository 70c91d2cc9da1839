// Methods promoted from embedded fields (by value, by pointer, two levels deep) are called
// through interfaces as Go does, fmt included; a value receiver gets a copy.
package main

import "fmt"

type Base struct{ name string }

func (b Base) Name() string { return b.name }
func (b *Base) Rename(n string) { b.name = n }
func (b Base) Clobber() string  { b.name = "clobbered"; return b.name }

type Named interface{ Name() string }
type Renamer interface {
	Named
	Rename(string)
}

type Derived struct {
	Base
	n int
}

type Deeper struct {
	*Derived
}

type Logger struct{ prefix string }

func (l *Logger) Log(s string) string { return l.prefix + s }

type Service struct {
	*Logger
	Base
}

type Clobberer interface{ Clobber() string }

func main() {
	var n Named = Derived{Base{"d"}, 1}
	fmt.Println(n.Name())
	d := &Derived{Base{"p"}, 2}
	var r Renamer = d
	r.Rename("q")
	fmt.Println(r.Name(), d.name)
	var deep Named = Deeper{d}
	fmt.Println(deep.Name())
	var lg interface{ Log(string) string } = Service{&Logger{"> "}, Base{"s"}}
	fmt.Println(lg.Log("hi"))
	var c Clobberer = d
	fmt.Println(c.Clobber(), d.name)
	var e error = fmt.Errorf("x")
	_ = e
	var st fmt.Stringer = Wrapper{Inner{3}}
	fmt.Println(st.String(), st)
}

type Inner struct{ v int }

func (i Inner) String() string { return fmt.Sprint("inner ", i.v) }

type Wrapper struct{ Inner }
