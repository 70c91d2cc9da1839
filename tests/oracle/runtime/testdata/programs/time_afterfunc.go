package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.AfterFunc(20*time.Millisecond, func() { fmt.Println("afterfunc at", time.Since(start)) })
	ctx, cancel := context.WithCancel(context.Background())
	stop := context.AfterFunc(ctx, func() { fmt.Println("ctx afterfunc at", time.Since(start)) })
	time.Sleep(10 * time.Millisecond)
	fmt.Println("stop timer early?", t.Stop())
	t2 := time.AfterFunc(5*time.Millisecond, func() { fmt.Println("t2 at", time.Since(start)) })
	_ = t2
	time.Sleep(10 * time.Millisecond)
	cancel()
	time.Sleep(time.Millisecond)
	fmt.Println("stop after run?", stop())
}
