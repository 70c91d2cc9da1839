// The runtime benchmark (lessons/benches/runtime.rs) in real Go, for comparison:
// cd tests/oracle/runtime && GOMAXPROCS=1 GOFLAGS=-mod=mod GOPROXY=off ../../../.venv/bin/go run ./gobench
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	n := 100000
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	ch := make(chan int)
	for i := 0; i < n; i++ {
		go func() { <-ch }()
	}
	for runtime.NumGoroutine() < n+1 {
		runtime.Gosched()
	}
	runtime.Gosched()
	el := time.Since(t0)
	runtime.ReadMemStats(&m1)
	fmt.Printf("go: spawn+park %d goroutines: %.1f ms (%.0f ns each)\n", n, el.Seconds()*1e3, float64(el.Nanoseconds())/float64(n))
	fmt.Printf("go: memory per parked goroutine: %.0f B (StackInuse+HeapInuse delta)\n",
		float64((m1.StackInuse+m1.HeapInuse)-(m0.StackInuse+m0.HeapInuse))/float64(n))
	close(ch)

	rounds := 1000000
	a, b := make(chan int), make(chan int)
	go func() {
		for v := range a {
			b <- v
		}
	}()
	t0 = time.Now()
	for i := 0; i < rounds; i++ {
		a <- i
		<-b
	}
	el = time.Since(t0)
	fmt.Printf("go: ping-pong %d round trips: %.1f ms, %.0f ns per handoff\n", rounds, el.Seconds()*1e3, float64(el.Nanoseconds())/float64(2*rounds))
}
