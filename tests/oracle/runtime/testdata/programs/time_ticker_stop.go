package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(15 * time.Millisecond)
	timer := time.NewTimer(50 * time.Millisecond)
	start := time.Now()
	n := 0
	for {
		select {
		case <-tk.C:
			n++
			fmt.Println("tick", n, time.Since(start))
			if n == 2 {
				tk.Reset(7 * time.Millisecond)
			}
		case <-timer.C:
			tk.Stop()
			fmt.Println("stop at", time.Since(start), "ticks", n)
			return
		}
	}
}
