// context: the String of the roots, WithoutCancel, WithDeadlineCause, Cause and values.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func main() {
	fmt.Println(context.Background(), context.TODO())
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), key("user"), "ann"))
	detached := context.WithoutCancel(parent)
	cancel()
	fmt.Println(parent.Err(), detached.Err(), detached.Value(key("user")))
	ctx, stop := context.WithTimeoutCause(context.Background(), time.Second, errors.New("too slow"))
	defer stop()
	<-ctx.Done()
	fmt.Println(ctx.Err(), context.Cause(ctx))
	d, ok := ctx.Deadline()
	fmt.Println(ok, d.Sub(time.Now()))
	fmt.Println(context.Cause(context.Background()) == nil)
}
