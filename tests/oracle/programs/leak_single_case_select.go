// A select with a single case is just that channel operation: the parked goroutine shows the
// plain channel state, not "select".
package main

import "fmt"

func main() {
	results := make(chan int)
	acks := make(chan bool)
	go func() {
		select {
		case v := <-results:
			fmt.Println(v)
		}
	}()
	go func() {
		select {
		case acks <- true:
		}
	}()
	fmt.Println("nobody sends results or reads acks")
}
