// context.AfterFunc runs a function in its own goroutine once the context is done; stop prevents it.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	done := make(chan struct{})
	context.AfterFunc(ctx, func() {
		fmt.Println("cleanup at", time.Since(start), ctx.Err())
		close(done)
	})
	stop := context.AfterFunc(ctx, func() { fmt.Println("never runs") })
	fmt.Println("stopped:", stop())
	<-done
	fmt.Println("stop after done:", stop())
}
