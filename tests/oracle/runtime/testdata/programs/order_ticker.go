package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(10 * time.Millisecond)
	defer tk.Stop()
	done := make(chan bool)
	go func() {
		time.Sleep(45 * time.Millisecond)
		done <- true
	}()
	start := time.Now()
	for {
		select {
		case <-done:
			fmt.Println("done at", time.Since(start))
			return
		case t := <-tk.C:
			fmt.Println("tick", t.Sub(start))
		}
	}
}
