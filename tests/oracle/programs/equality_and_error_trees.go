// == on pointers compares addresses (two errors.New("a") differ), on interfaces the dynamic
// type then the value; errors.Is and errors.As walk Unwrap() []error trees and honour custom As
// methods; errors.Is(nil, nil) is true.
package main

import (
	"errors"
	"fmt"
)

var ErrA = errors.New("a")
var ErrB = errors.New("b")

type multi struct{ errs []error }

func (m multi) Error() string   { return "multi" }
func (m multi) Unwrap() []error { return m.errs }

type codeErr struct{ code int }

func (c codeErr) Error() string { return fmt.Sprint("code ", c.code) }

type legacy struct{ code int }

func (l legacy) Error() string { return "legacy" }
func (l legacy) As(target any) bool {
	if p, ok := target.(*codeErr); ok {
		*p = codeErr{l.code}
		return true
	}
	return false
}

func main() {
	equality()
	m := multi{[]error{ErrA, fmt.Errorf("wrapped: %w", ErrB)}}
	fmt.Println(errors.Is(m, ErrA), errors.Is(m, ErrB), errors.Is(m, errors.New("a")))
	var ce codeErr
	fmt.Println(errors.As(fmt.Errorf("x: %w", legacy{7}), &ce), ce.code)
	two := fmt.Errorf("%w and %w", ErrA, legacy{9})
	fmt.Println(errors.Is(two, ErrA), errors.As(two, &ce), ce.code)
	fmt.Println(errors.Is(nil, ErrA), errors.Is(nil, nil))
}
type P struct{ x int }

func equality() {
	fmt.Println(errors.New("a") == errors.New("a"))
	var e1, e2 error = errors.New("a"), errors.New("a")
	fmt.Println(e1 == e2, e1 == e1)
	p, q := &P{1}, &P{1}
	fmt.Println(p == q, p == p)
	var a, b any = p, q
	fmt.Println(a == b, a == a)
	var c, d any = P{1}, P{1}
	fmt.Println(c == d)
}
