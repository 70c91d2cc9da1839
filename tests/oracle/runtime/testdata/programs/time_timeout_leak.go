package main

import (
	"fmt"
	"time"
)

func fetch(d time.Duration) <-chan string {
	ch := make(chan string)
	go func() {
		time.Sleep(d)
		ch <- "data"
	}()
	return ch
}

func main() {
	for i, d := range []time.Duration{5, 50, 20, 80} {
		select {
		case v := <-fetch(d * time.Millisecond):
			fmt.Println(i, v)
		case <-time.After(30 * time.Millisecond):
			fmt.Println(i, "timeout")
		}
	}
	time.Sleep(200 * time.Millisecond)
	fmt.Println("end")
}
