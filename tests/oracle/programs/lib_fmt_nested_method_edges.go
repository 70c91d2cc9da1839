// Where fmt does and does not call a method inside a value: not under an unexported field,
// not for %d, not through a value-receiver method of a nil pointer (Go prints <nil>), and
// once per value; a String that prints its own fields' Stringers; a pointer receiver on a
// field of value type is not callable (not addressable).
package main

import "fmt"

type V struct{ X int }

func (v V) String() string { return fmt.Sprintf("V%d", v.X) }

type P struct{ X int }

func (p *P) String() string { return fmt.Sprintf("P%d", p.X) }

type Outer struct {
	In    V
	in    V
	Ptr   *V
	Nilv  *V
	ByVal P
	Inner Inner
}

type Inner struct{ A, B V }

func (i Inner) String() string { return fmt.Sprint("inner:", i.A, "+", i.B) }

var calls int

type Counted struct{}

func (Counted) String() string { calls++; return "counted" }

func main() {
	o := Outer{In: V{1}, in: V{2}, Ptr: &V{3}, ByVal: P{4}, Inner: Inner{V{5}, V{6}}}
	fmt.Println(o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%d\n", []any{V{7}})
	fmt.Printf("%s|%q|%x\n", []any{V{8}}, []any{V{9}}, []any{V{10}})
	fmt.Println([]any{Counted{}, Counted{}}, map[string]any{"k": Counted{}})
	fmt.Println(calls)
	fmt.Println(fmt.Sprint(struct{ C Counted }{}), calls)
}
