// Which edges does printing make? g1 writes, then prints; g2 prints, then writes.
package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	go func() {
		x = 1
		fmt.Println("a")
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		fmt.Println("b")
		x = 2
	}()
	time.Sleep(5 * time.Millisecond)
}
