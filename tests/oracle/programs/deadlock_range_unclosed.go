// main ranges over a channel the producer never closes: after the last value, deadlock.
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i * 10
		}
	}()
	for v := range ch {
		fmt.Println("got", v)
	}
}
