// A nil pointer stored in an interface makes a non-nil interface: the classic "err != nil" trap.
// Also interface embedding and satisfaction through pointer methods.
package main

import "fmt"

type ValidationError struct{ Field string }

func (e *ValidationError) Error() string { return "invalid " + e.Field }

func validate(name string) error {
	var verr *ValidationError
	if name == "" {
		verr = &ValidationError{Field: "name"}
	}
	return verr // non-nil interface even when verr is nil
}

func validateFixed(name string) error {
	if name == "" {
		return &ValidationError{Field: "name"}
	}
	return nil
}

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type buffer struct{ data []string }

func (b *buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}
func (b *buffer) Write(s string) { b.data = append(b.data, s) }

func main() {
	err := validate("ana")
	fmt.Println(err == nil, err != nil)
	fmt.Printf("%T %v\n", err, err == (*ValidationError)(nil))
	fmt.Println(validateFixed("ana") == nil, validateFixed(""))
	var rw ReadWriter = &buffer{}
	rw.Write("x")
	rw.Write("y")
	var r Reader = rw
	fmt.Println(r.Read(), rw.Read(), rw.Read() == "")
	_, isWriter := r.(Writer)
	fmt.Println("reader is also a writer:", isWriter)
}
