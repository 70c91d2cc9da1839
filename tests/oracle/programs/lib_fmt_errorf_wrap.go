// fmt.Errorf with %w wraps an error (errors.Is/Unwrap see it); several %w make a tree; %v
// only formats.
package main

import (
	"errors"
	"fmt"
	"io/fs"
)

var ErrBase = errors.New("base")

func main() {
	e1 := fmt.Errorf("layer1: %w", ErrBase)
	e2 := fmt.Errorf("layer2: %w", e1)
	flat := fmt.Errorf("flat: %v", ErrBase)
	fmt.Println(e2)
	fmt.Println(errors.Is(e2, ErrBase), errors.Is(flat, ErrBase))
	fmt.Println(errors.Unwrap(e2) == e1, errors.Unwrap(flat) == nil)
	both := fmt.Errorf("both: %w and %w", ErrBase, fs.ErrNotExist)
	fmt.Println(both, errors.Is(both, fs.ErrNotExist), errors.Unwrap(both) == nil)
	fmt.Printf("%T %T\n", e1, both)
}
