// runtime.NumGoroutine counts live goroutines; compare against a baseline, since a test harness
// may run goroutines of its own.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	base := runtime.NumGoroutine()
	stop := make(chan struct{})
	for i := 0; i < 5; i++ {
		go func() { <-stop }()
	}
	fmt.Println("extra while running:", runtime.NumGoroutine()-base)
	close(stop)
	time.Sleep(time.Millisecond)
	fmt.Println("extra after stop:", runtime.NumGoroutine()-base)
	for i := 0; i < 2; i++ {
		go func() { select {} }()
	}
	runtime.Gosched()
	fmt.Println("extra stuck:", runtime.NumGoroutine()-base)
}
