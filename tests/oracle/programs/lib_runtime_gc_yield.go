// runtime.GC parks its caller while the collection runs: goroutines that can run meanwhile
// run (here to their end), so the count after GC is main alone.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	base := runtime.NumGoroutine()
	results := make(chan int, 5)
	for i := range 5 {
		go func() {
			sum := 0
			for j := range 1000 {
				sum += j * i
			}
			results <- sum
		}()
	}
	fmt.Println("started:", runtime.NumGoroutine()-base, "results:", len(results))
	runtime.GC()
	fmt.Println("after GC:", runtime.NumGoroutine()-base, "results:", len(results))
	total := 0
	for range 5 {
		total += <-results
	}
	fmt.Println(total)
}
