// fmt calls String and Error on values wherever it meets them while printing (handleMethods
// at every depth): in struct fields, map keys and values, the elements of a []any and
// behind pointers, not only on an operand or a slice's elements. An unexported field is
// printed without its methods.
package main

import (
	"errors"
	"fmt"
)

type P struct{ X int }

func (p *P) String() string { return fmt.Sprintf("P(%d)", p.X) }

type V struct{ X int }

func (v V) String() string { return fmt.Sprintf("V(%d)", v.X) }

type E struct{ code int }

func (e E) Error() string { return fmt.Sprintf("E%d", e.code) }

type Order struct {
	ID    int
	Owner *P
	Price V
	Err   error
	Tag   any
}

func main() {
	fmt.Println([]any{&P{1}, V{2}, E{3}})
	fmt.Println(map[string]*P{"a": {4}}, map[V]int{{5}: 1})
	o := Order{ID: 7, Owner: &P{8}, Price: V{9}, Err: E{10}, Tag: &P{11}}
	fmt.Println(o)
	fmt.Printf("%v|%+v|%s\n", o, o, []any{V{12}})
	fmt.Println([]Order{o}, &o == nil)
	fmt.Println([][]V{{{13}, {14}}}, [2]any{V{15}, nil})
	fmt.Println(struct{ in V }{V{16}}, errors.Join(E{17}, E{18}))
}
