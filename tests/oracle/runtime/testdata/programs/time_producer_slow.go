package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
			fmt.Println("produced", i, "len", len(ch))
		}
		close(ch)
	}()
	for v := range ch {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("consumed", v)
	}
}
