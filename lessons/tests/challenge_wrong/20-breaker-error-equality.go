// A wrong fix of lesson 20-breaker-error-equality (bad.go edited): it compares the errors' messages.
// A client wraps every backend error with context (fmt.Errorf with %w). Its
// circuit breaker counts failures with err == ErrUnavailable, which never
// matches a wrapped error: the breaker never opens, and every request waits out
// the full timeout against a dead backend.
package main

import (
	"errors"
	"fmt"
	"time"
)

const requests = 50 // param: 1..200 "Requests to a dead backend"
const threshold = 5 // param: 1..20 "Failures before the breaker opens"

var ErrUnavailable = errors.New("backend unavailable")
var ErrOpen = errors.New("circuit open")

type Breaker struct {
	failures int
	open     bool
}

func (b *Breaker) Call(f func() error) error {
	if b.open {
		return ErrOpen // fail fast, spare the backend
	}
	err := f()
	if err != nil && err.Error() == ErrUnavailable.Error() {
		b.failures++
		if b.failures >= threshold {
			b.open = true
		}
	}
	return err
}

func fetchItem(id int) error {
	time.Sleep(200 * time.Millisecond) // the client's timeout: the backend is down
	return fmt.Errorf("fetch item %d: %w", id, ErrUnavailable)
}

func main() {
	b := &Breaker{}
	start := time.Now()
	failedFast := 0
	for id := range requests {
		err := b.Call(func() error { return fetchItem(id) })
		if errors.Is(err, ErrOpen) {
			failedFast++
		}
	}
	fmt.Printf("%d requests, %d failed fast, took %d ms\n",
		requests, failedFast, time.Since(start).Milliseconds())
}
