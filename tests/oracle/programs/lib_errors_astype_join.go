// errors.AsType (Go 1.26) finds an error of a type in a chain; errors.Join joins several.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

var ErrTimeout = errors.New("timeout")

func main() {
	err := fmt.Errorf("lookup: %w", &NotFound{"k1"})
	if nf, ok := errors.AsType[*NotFound](err); ok {
		fmt.Println("found", nf.Key)
	}
	_, ok := errors.AsType[*NotFound](ErrTimeout)
	fmt.Println(ok)
	j := errors.Join(ErrTimeout, nil, err)
	fmt.Println(j)
	fmt.Println(errors.Is(j, ErrTimeout), errors.Join(nil, nil) == nil)
	var target *NotFound
	fmt.Println(errors.As(j, &target), target.Key)
	fmt.Println(errors.ErrUnsupported)
}
