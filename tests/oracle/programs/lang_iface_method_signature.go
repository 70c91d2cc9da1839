// A type has an interface's method only with the same name AND signature: String() int makes
// no fmt.Stringer (fmt does not call it), Unwrap() []error is no Unwrap() error (errors.Unwrap
// gives nil, errors.Is still walks it), and a failed assertion names the method.
package main

import (
	"errors"
	"fmt"
	"io"
)

type Count struct{ n int }

func (Count) String() int { return 3 }

type Label string

func (l Label) String() Label { return l + "!" }

type Multi struct{}

func (Multi) Error() string   { return "multi" }
func (Multi) Unwrap() []error { return []error{io.EOF, io.ErrClosedPipe} }

func main() {
	fmt.Println(Count{5}, Label("x"))
	fmt.Printf("%v %s %d\n", Count{5}, Count{6}, Count{7})
	var x any = Count{1}
	_, ok := x.(fmt.Stringer)
	fmt.Println(ok)

	var e error = Multi{}
	_, single := e.(interface{ Unwrap() error })
	_, multi := e.(interface{ Unwrap() []error })
	fmt.Println(single, multi, errors.Unwrap(e), errors.Is(e, io.ErrClosedPipe))

	both := fmt.Errorf("%w + %w", io.EOF, io.ErrUnexpectedEOF)
	one := fmt.Errorf("one: %w", io.EOF)
	_, single = both.(interface{ Unwrap() error })
	_, multi = both.(interface{ Unwrap() []error })
	fmt.Println(single, multi)
	_, single = one.(interface{ Unwrap() error })
	_, multi = one.(interface{ Unwrap() []error })
	fmt.Println(single, multi)
	if u, ok := both.(interface{ Unwrap() []error }); ok {
		fmt.Println(len(u.Unwrap()), u.Unwrap()[1])
	}

	defer func() { fmt.Println(recover()) }()
	_ = x.(fmt.Stringer)
}
