// A slow reader misses ticks (they are dropped, not queued); Reset changes the period.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(100 * time.Millisecond)
	defer tk.Stop()
	<-tk.C
	fmt.Println("first tick at", time.Since(start))
	time.Sleep(350 * time.Millisecond) // ticks at 200, 300 and 400ms: only one waits in C
	<-tk.C
	fmt.Println("buffered tick read at", time.Since(start))
	<-tk.C
	fmt.Println("next tick at", time.Since(start))
	tk.Reset(time.Second)
	<-tk.C
	fmt.Println("after reset at", time.Since(start))
}
