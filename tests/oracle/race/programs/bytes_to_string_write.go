// Racy: string(b) reads every byte of b while a goroutine writes one.
package main

import (
	"fmt"
	"time"
)

var b = []byte("hello")

func capitalize() {
	b[0] = 'H'
}

func main() {
	go capitalize()
	time.Sleep(5 * time.Millisecond)
	s := string(b)
	fmt.Println(s)
}
