// Go exits when main returns: the worker that the deferred close lets finish prints nothing.
package main

import "fmt"

func main() {
	queue := make(chan int, 3)
	go func() {
		for v := range queue {
			fmt.Println("got", v)
		}
		fmt.Println("worker done")
	}()
	defer close(queue)
	for i := range 3 {
		queue <- i
	}
	fmt.Println("main returns")
}
