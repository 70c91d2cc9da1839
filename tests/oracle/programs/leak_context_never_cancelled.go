// Watchers wait for a context that is never cancelled. Background's Done channel is nil, so
// waiting on it is a receive from a nil channel.
package main

import (
	"context"
	"fmt"
)

func watch(ctx context.Context, stopped chan<- string, name string) {
	<-ctx.Done()
	stopped <- name
}

func main() {
	stopped := make(chan string)
	ctx, cancel := context.WithCancel(context.Background())
	_ = cancel // never called
	go watch(ctx, stopped, "child")
	go watch(context.Background(), stopped, "background")
	fmt.Println("Background().Done() == nil:", context.Background().Done() == nil)
}
