// Consumers range over a channel the producer never closes: when main returns they are still
// waiting to receive.
package main

import "fmt"

func main() {
	jobs := make(chan int)
	done := make(chan int)
	for w := 0; w < 3; w++ {
		go func() {
			for j := range jobs {
				done <- j * j
			}
		}()
	}
	sum := 0
	for i := 1; i <= 4; i++ {
		jobs <- i
		sum += <-done
	}
	fmt.Println("sum", sum) // forgot close(jobs)
}
