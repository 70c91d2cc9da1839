// Two goroutines hand a ball back and forth, each holding it 10ms: the virtual clock adds up.
package main

import (
	"fmt"
	"time"
)

func player(table chan int, done chan struct{}) {
	for {
		ball, ok := <-table
		if !ok {
			close(done)
			return
		}
		time.Sleep(10 * time.Millisecond)
		if ball == 6 {
			fmt.Println("rally ends at hit", ball)
			close(table)
			return
		}
		table <- ball + 1
	}
}

func main() {
	start := time.Now()
	table := make(chan int)
	done := make(chan struct{})
	go player(table, done)
	go player(table, done)
	table <- 1
	<-done
	fmt.Println("rally took", time.Since(start))
}
