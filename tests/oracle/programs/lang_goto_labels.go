// goto, labeled continue and break out of a select inside a loop.
package main

import "fmt"

func main() {
	i := 0
loop:
	if i < 3 {
		fmt.Println("goto", i)
		i++
		goto loop
	}
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	close(ch)
recv:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break recv
			}
			fmt.Println("got", v)
		}
	}
	fmt.Println("end")
}
