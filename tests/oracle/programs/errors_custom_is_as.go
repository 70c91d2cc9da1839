// Custom matching: an error type with its own Is method, As into a value type, As through
// errors.Join, and comparable error values compared by ==.
package main

import (
	"errors"
	"fmt"
)

type StatusError struct{ Code int }

func (e StatusError) Error() string { return fmt.Sprintf("status %d", e.Code) }

// Is makes every 5xx match ErrServer.
func (e StatusError) Is(target error) bool { return target == ErrServer && e.Code >= 500 }

var ErrServer = errors.New("server error")

type TimeoutError struct{ Op string }

func (e *TimeoutError) Error() string { return e.Op + ": timeout" }

func main() {
	err := fmt.Errorf("fetch: %w", StatusError{503})
	fmt.Println(err, errors.Is(err, ErrServer), errors.Is(fmt.Errorf("x: %w", StatusError{404}), ErrServer))
	fmt.Println(errors.Is(err, StatusError{503}), errors.Is(err, StatusError{500}))
	var se StatusError
	fmt.Println(errors.As(err, &se), se.Code)
	joined := errors.Join(errors.New("first"), &TimeoutError{Op: "dial"})
	var te *TimeoutError
	fmt.Println(errors.As(joined, &te), te.Op, te)
	var other *TimeoutError
	fmt.Println(errors.As(errors.New("plain"), &other), other == nil)
	fmt.Println(StatusError{1} == StatusError{1}, error(StatusError{1}) == error(StatusError{2}))
	fmt.Printf("%v|%s|%+v\n", se, se, se)
}
