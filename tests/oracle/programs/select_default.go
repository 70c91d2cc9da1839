// select with default never blocks: a non-blocking send on a full channel and a non-blocking
// receive from an empty one both take the default branch.
package main

import "fmt"

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
		return 0, false
	}
}

func main() {
	ch := make(chan int, 2)
	for i := 1; i <= 3; i++ {
		ok := trySend(ch, i)
		fmt.Println("send", i, ok, len(ch), cap(ch))
	}
	for i := 0; i < 3; i++ {
		v, ok := tryRecv(ch)
		fmt.Println("recv", v, ok)
	}
	var nilCh chan int
	fmt.Println("nil channel send:", trySend(nilCh, 1))
	close(ch)
	v, ok := tryRecv(ch)
	fmt.Println("closed channel recv:", v, ok)
}
