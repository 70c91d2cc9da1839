// generate -> square -> sum, each stage a goroutine connected by unbuffered channels.
package main

import "fmt"

func generate(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

func main() {
	total := 0
	for v := range square(generate(100)) {
		total += v
	}
	fmt.Println("sum of squares", total)
}
