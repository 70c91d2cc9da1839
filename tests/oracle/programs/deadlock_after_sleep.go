// The deadlock happens after virtual time has passed: the clock stops where it was.
package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan string)
	go func() {
		time.Sleep(2 * time.Second)
		results <- "first"
	}()
	fmt.Println(<-results)
	time.Sleep(500 * time.Millisecond)
	fmt.Println(<-results) // nobody sends a second result
}
