// `select {}` in main with no other goroutine left: the program can never continue.
package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(time.Second)
		fmt.Println("background work done")
	}()
	select {}
}
