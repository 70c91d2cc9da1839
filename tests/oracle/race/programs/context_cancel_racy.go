// Racy: the goroutine writes after cancel(); main reads after <-ctx.Done(), unordered.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	reason := ""
	go func() {
		cancel()
		reason = "late"
	}()
	<-ctx.Done()
	time.Sleep(5 * time.Millisecond)
	fmt.Println(reason)
}
