package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

var collected atomic.Int32

func handle() {
	t := time.NewTicker(10 * time.Millisecond)
	runtime.AddCleanup(t, func(int) { collected.Add(1) }, 0)
	for polls := 1; polls <= 3; polls++ {
		<-t.C
	}
}

func main() {
	for i := 0; i < 20; i++ {
		handle()
	}
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Println("tickers collected:", collected.Load(), "of 20")
}
