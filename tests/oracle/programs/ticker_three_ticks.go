// A ticker delivers a tick every period; Stop ends the ticks.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(250 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-tk.C
		fmt.Println("tick", i, "at", time.Since(start))
	}
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("tick after stop")
	case <-time.After(time.Second):
		fmt.Println("no tick after stop; now", time.Since(start))
	}
}
