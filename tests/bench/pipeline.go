// A three-stage pipeline of 100k values: generate -> square -> sum.
package main

import "fmt"

const n = 100000

func gen(out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func square(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v % 1000
	}
	close(out)
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go gen(a)
	go square(a, b)
	total := 0
	for v := range b {
		total += v
	}
	fmt.Println("total:", total)
}
