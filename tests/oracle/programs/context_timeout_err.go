// A slow call under a 50ms timeout: the context's Done fires at the deadline with DeadlineExceeded.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowQuery(ctx context.Context) (string, error) {
	select {
	case <-time.After(200 * time.Millisecond):
		return "rows", nil
	case <-ctx.Done():
		return "", fmt.Errorf("query: %w", ctx.Err())
	}
}

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	dl, ok := ctx.Deadline()
	fmt.Println("has deadline:", ok, dl.Sub(start))
	_, err := slowQuery(ctx)
	fmt.Println("err:", err, "after", time.Since(start))
	fmt.Println("is DeadlineExceeded:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println("is Canceled:", errors.Is(err, context.Canceled))

	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Second)
	defer cancel2()
	res, err := slowQuery(ctx2)
	fmt.Println("res:", res, err, "after", time.Since(start))
}
