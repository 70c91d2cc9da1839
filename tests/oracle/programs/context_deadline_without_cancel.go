// WithDeadline, WithTimeoutCause and WithoutCancel: a detached context ignores its parent's end.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errSlow = errors.New("backend too slow")

func main() {
	start := time.Now()
	parent, cancel := context.WithDeadline(context.Background(), start.Add(2*time.Second))
	defer cancel()
	detached := context.WithoutCancel(parent)
	short, cancelShort := context.WithTimeoutCause(parent, 500*time.Millisecond, errSlow)
	defer cancelShort()
	_, hasDeadline := detached.Deadline()
	fmt.Println("detached has deadline:", hasDeadline, detached.Done() == nil)
	<-short.Done()
	fmt.Println("short:", short.Err(), context.Cause(short), time.Since(start))
	<-parent.Done()
	fmt.Println("parent:", parent.Err(), context.Cause(parent), time.Since(start))
	fmt.Println("detached:", detached.Err())
	d, _ := parent.Deadline()
	fmt.Println("deadline was", d.Sub(start), "until it:", time.Until(d))
}
