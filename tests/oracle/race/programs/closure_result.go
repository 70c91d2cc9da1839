// Racy: main reads a result a goroutine writes through a captured variable, waiting by sleep.
package main

import (
	"fmt"
	"time"
)

func compute(n int) int {
	return n * 2
}

func main() {
	result := 0
	go func() {
		result = compute(21)
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println(result)
}
