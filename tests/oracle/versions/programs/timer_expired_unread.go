// A timer that expired unread: Go 1.21 buffers the value (len 1), Stop says false and leaves it,
// so it is received right after Reset; Go 1.23+ shows len 0, Stop drops it and says true.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	fmt.Println("len", len(t.C), "cap", cap(t.C))
	fmt.Println("stop after expiry:", t.Stop())
	fmt.Println("len after stop", len(t.C))
	t.Reset(100 * time.Millisecond)
	select {
	case <-t.C:
		fmt.Println("received a value right after Reset (stale)")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("nothing within 20ms after Reset")
	}
}
