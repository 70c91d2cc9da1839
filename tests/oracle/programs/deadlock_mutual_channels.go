// Two goroutines each wait for the other to speak first; main waits for both.
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan bool)
	go func() {
		v := <-b
		a <- v + 1
		done <- true
	}()
	go func() {
		v := <-a
		b <- v + 1
		done <- true
	}()
	<-done
	fmt.Println("never printed")
}
