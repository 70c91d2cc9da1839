// Racy: a package-level variable written by a goroutine and read by main.
package main

import (
	"fmt"
	"time"
)

var hits int

func record() {
	hits++
}

func main() {
	go record()
	time.Sleep(5 * time.Millisecond)
	fmt.Println(hits)
}
