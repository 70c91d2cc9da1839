// Racy: the same publication as atomic_flag_publish, but the flag is a plain bool.
package main

import (
	"fmt"
	"time"
)

func main() {
	ready := false
	data := 0
	go func() {
		data = 42
		ready = true
	}()
	time.Sleep(5 * time.Millisecond)
	if ready {
		fmt.Println(data)
	}
}
