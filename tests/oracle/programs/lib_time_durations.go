// time.Duration: printing, conversions, rounding and parsing.
package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	fmt.Println(90*time.Minute, 36*time.Hour+time.Second, time.Duration(1), time.Duration(0), -2*time.Microsecond)
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second), (2500 * time.Millisecond).Round(time.Second))
	fmt.Println(time.Duration(3)*time.Second/2, d.Minutes(), d.Hours() < 1)
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err, p.String())
	_, err = time.ParseDuration("5 minutes")
	fmt.Println(err)
	fmt.Printf("%v %d %s\n", time.Second, time.Second, 250*time.Microsecond)
	fmt.Println(d.Abs(), (-d).Abs())
}
