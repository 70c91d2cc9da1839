// An order client adds context to every error it returns (fmt.Errorf with %w).
// Its caller asks what an error is with errors.Is and errors.As, which look
// through the wrapping: it skips an order that does not exist, and retries a
// throttled call after the delay the error carries.
package main

import (
	"errors"
	"fmt"
	"time"
)

const orders = 20       // param: 1..200 "Orders to load"
const throttleEvery = 4 // param: 1..50 "Every Nth order is throttled once"

var ErrNotFound = errors.New("order not found")

// ThrottledError says the backend is busy: try again after RetryAfter.
type ThrottledError struct {
	RetryAfter time.Duration
}

func (e *ThrottledError) Error() string { return "throttled" }

var throttledOnce = map[int]bool{}

// fetchOrder is the backend: some orders were deleted, and it sheds load.
func fetchOrder(id int) error {
	time.Sleep(10 * time.Millisecond)
	if id%7 == 0 {
		return ErrNotFound
	}
	if id%throttleEvery == 0 && !throttledOnce[id] {
		throttledOnce[id] = true
		return &ThrottledError{RetryAfter: 50 * time.Millisecond}
	}
	return nil
}

// loadOrder is the client: it says which order failed.
func loadOrder(id int) error {
	if err := fetchOrder(id); err != nil {
		return fmt.Errorf("load order %d: %w", id, err)
	}
	return nil
}

func main() {
	loaded, missing, failed := 0, 0, 0
	for id := 1; id <= orders; id++ {
		err := loadOrder(id)
		if errors.Is(err, &ThrottledError{}) { // a new pointer: equal to no error ever returned
			time.Sleep(50 * time.Millisecond)
			err = loadOrder(id)
		}
		switch {
		case err == nil:
			loaded++
		case errors.Is(err, ErrNotFound): // matches through %w
			missing++
		default:
			failed++
		}
	}
	fmt.Printf("%d loaded, %d missing, %d failed\n", loaded, missing, failed)
}
