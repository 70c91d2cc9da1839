// Race-free: a write before cancel() is visible after <-ctx.Done() returns.
package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	reason := ""
	go func() {
		reason = "shutdown"
		cancel()
	}()
	<-ctx.Done()
	fmt.Println(reason, ctx.Err())
}
