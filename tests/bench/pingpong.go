// Channel ping-pong: 300k round trips between two goroutines over unbuffered channels.
package main

import "fmt"

const rounds = 300000

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < rounds; i++ {
		ping <- i
		sum += <-pong - i
	}
	close(ping)
	fmt.Println("round trips:", sum)
}
