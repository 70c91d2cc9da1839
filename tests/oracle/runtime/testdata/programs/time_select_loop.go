package main

import (
	"fmt"
	"time"
)

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 4; i++ {
			time.Sleep(time.Duration(10+i*10) * time.Millisecond)
			data <- i
		}
		close(quit)
	}()
	start := time.Now()
	for {
		select {
		case v := <-data:
			fmt.Println("data", v, time.Since(start))
		case <-time.After(25 * time.Millisecond):
			fmt.Println("idle", time.Since(start))
		case <-quit:
			fmt.Println("quit", time.Since(start))
			return
		}
	}
}
