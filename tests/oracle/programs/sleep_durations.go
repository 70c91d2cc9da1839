// Sleeps add up on the virtual clock; Duration prints in Go's compact units.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	for _, d := range []time.Duration{1500 * time.Microsecond, 250 * time.Millisecond, 2 * time.Second, 90 * time.Second, 0, -5 * time.Second} {
		time.Sleep(d)
		fmt.Println("slept", d, "total", time.Since(start))
	}
	fmt.Println(time.Duration(1), time.Duration(1234567), 3*time.Hour+25*time.Minute)
	fmt.Println(time.Since(start).Milliseconds(), time.Since(start).Seconds())
}
