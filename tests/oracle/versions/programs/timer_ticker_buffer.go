// A ticker nobody reads for a while: before Go 1.23 one tick waits in its buffer (len 1) and
// is received at once; since Go 1.23 the channel looks empty and the next receive waits.
package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(10 * time.Millisecond)
	time.Sleep(55 * time.Millisecond)
	fmt.Println("len", len(tk.C), "cap", cap(tk.C))
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("a tick was waiting after Stop")
	case <-time.After(30 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}
}
