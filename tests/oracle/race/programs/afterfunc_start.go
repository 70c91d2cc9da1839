// Race-free: time.AfterFunc's function sees writes made before AfterFunc was called.
package main

import (
	"fmt"
	"time"
)

func main() {
	msg := "hello"
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() {
		fmt.Println(msg)
		done <- true
	})
	<-done
}
