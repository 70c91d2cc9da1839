// WithCancelCause records why a context was cancelled; Err stays context.Canceled.
package main

import (
	"context"
	"errors"
	"fmt"
)

var errShutdown = errors.New("server shutting down")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	fmt.Println("before:", ctx.Err(), context.Cause(ctx))
	cancel(errShutdown)
	cancel(errors.New("second cause is ignored"))
	fmt.Println("err:", ctx.Err())
	fmt.Println("cause:", context.Cause(ctx))
	fmt.Println("child cause:", context.Cause(child))
	fmt.Println("is errShutdown:", errors.Is(context.Cause(child), errShutdown))
}
