// hostile: a 1 ns ticker read forever
// expect: limit
package main

import "time"

func main() {
	t := time.NewTicker(time.Nanosecond)
	for range t.C {
	}
}
