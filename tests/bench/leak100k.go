// 100k goroutines that block forever on a channel nobody sends on (they leak).
package main

import (
	"fmt"
	"runtime"
)

const leaks = 100000

func main() {
	ch := make(chan int)
	for i := 0; i < leaks; i++ {
		go func() {
			<-ch
		}()
	}
	runtime.Gosched()
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
