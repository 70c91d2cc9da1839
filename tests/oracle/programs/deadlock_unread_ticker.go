// A ticker nobody reads does not keep a program alive: with main blocked forever, Go reports a
// deadlock instead of advancing the clock tick after tick (Go 1.23+ timers).
package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(time.Second)
	_ = tk
	t := time.NewTimer(time.Hour)
	_ = t
	fmt.Println("waiting for a signal that never comes")
	never := make(chan struct{})
	<-never
}
