// Stop and Reset on pending, fired and received timers: what they return and whether a stale
// value waits in the channel.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stop pending:", t.Stop(), "len", len(t.C))
	fmt.Println("stop again:", t.Stop())
	t.Reset(5 * time.Millisecond)
	time.Sleep(40 * time.Millisecond)
	fmt.Println("fired, unread: len", len(t.C))
	fmt.Println("reset after expiry:", t.Reset(time.Hour), "len", len(t.C))
	select {
	case <-t.C:
		fmt.Println("stale value received")
	default:
		fmt.Println("no value waiting")
	}
	fmt.Println("stop:", t.Stop())
	u := time.NewTimer(5 * time.Millisecond)
	<-u.C
	fmt.Println("received, then stop:", u.Stop(), "len", len(u.C), "cap", cap(u.C))
}
