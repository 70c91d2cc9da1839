// Timer Stop and Reset return values, and when the channel delivers (Go 1.23+ timers).
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(time.Second)
	fmt.Println("stop before firing:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	fmt.Println("reset of a stopped timer:", t.Reset(200*time.Millisecond))
	<-t.C
	fmt.Println("fired after", time.Since(start))
	fmt.Println("reset of a fired timer:", t.Reset(300*time.Millisecond))
	fmt.Println("reset of a pending timer:", t.Reset(50*time.Millisecond))
	<-t.C
	fmt.Println("fired after", time.Since(start))
	fmt.Println("len and cap of C:", len(t.C), cap(t.C))
}
