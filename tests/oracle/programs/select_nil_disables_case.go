// Merging two channels: setting a closed channel's variable to nil disables its select case.
package main

import (
	"fmt"
	"time"
)

func produce(name string, n int, every time.Duration) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			time.Sleep(every)
			out <- fmt.Sprint(name, i)
		}
	}()
	return out
}

func main() {
	a := produce("a", 3, 100*time.Millisecond)
	b := produce("b", 2, 130*time.Millisecond)
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				fmt.Println("a closed")
				a = nil
				continue
			}
			fmt.Println(v)
		case v, ok := <-b:
			if !ok {
				fmt.Println("b closed")
				b = nil
				continue
			}
			fmt.Println(v)
		}
	}
	fmt.Println("both closed")
}
