// A worker panics with an error value after some virtual time: the program ends right there.
package main

import (
	"errors"
	"fmt"
	"time"
)

var errCorrupt = errors.New("corrupt record 7")

func main() {
	go func() {
		for i := 1; i <= 10; i++ {
			time.Sleep(100 * time.Millisecond)
			if i == 7 {
				panic(errCorrupt)
			}
			fmt.Println("record", i, "ok")
		}
	}()
	time.Sleep(time.Hour)
}
