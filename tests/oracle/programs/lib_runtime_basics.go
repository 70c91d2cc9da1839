// runtime: Gosched lets the other goroutine run; NumGoroutine counts (differences only); GC
// parks its caller while runnable goroutines run (the woken sender ends).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	base := runtime.NumGoroutine()
	done := make(chan bool)
	go func() {
		fmt.Println("goroutine runs")
		done <- true
	}()
	fmt.Println("extra goroutines:", runtime.NumGoroutine()-base)
	runtime.Gosched()
	<-done
	runtime.GC()
	fmt.Println("extra after:", runtime.NumGoroutine()-base)
	fmt.Println(runtime.GOMAXPROCS(0) >= 1, runtime.NumCPU() >= 1)
}
