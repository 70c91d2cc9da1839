// Receiving from a closed channel drains buffered values first, then yields zero values with
// ok == false; len and cap report the buffer.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	close(ch)
	v, ok := <-ch
	fmt.Printf("%q %v %d\n", v, ok, len(ch))
	v, ok = <-ch
	fmt.Printf("%q %v\n", v, ok)
	v, ok = <-ch
	fmt.Printf("%q %v\n", v, ok)
	fmt.Printf("%q\n", <-ch)
	done := make(chan struct{})
	waiters := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			<-done
			waiters <- i
		}()
	}
	close(done) // a close wakes every receiver
	sum := 0
	for range 3 {
		sum += <-waiters
	}
	fmt.Println("all woke, sum of ids", sum)
}
