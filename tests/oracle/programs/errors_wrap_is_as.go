// Wrapping errors with %w keeps them inspectable with errors.Is and errors.As; Join combines them.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(id int) error {
	if id < 0 {
		return &QueryError{Query: fmt.Sprint("id=", id), Err: ErrNotFound}
	}
	return nil
}

func main() {
	err := fmt.Errorf("handler: %w", find(-1))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound))
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("as QueryError:", qe.Query)
	}
	fmt.Println(errors.Unwrap(err) == error(qe), errors.Unwrap(errors.Unwrap(err)) == ErrNotFound)
	flat := fmt.Errorf("flattened: %v", find(-2))
	fmt.Println(flat, errors.Is(flat, ErrNotFound))
	joined := errors.Join(ErrNotFound, errors.New("timeout"))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrNotFound), find(1) == nil, errors.Is(nil, ErrNotFound))
	two := fmt.Errorf("both: %w and %w", ErrNotFound, errors.New("busy"))
	fmt.Println(two, errors.Is(two, ErrNotFound))
}
