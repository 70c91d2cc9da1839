// main waits for a fetch or a timeout, whichever comes first. The fetcher
// sends its result on an unbuffered channel.
package main

import "fmt"

func fetch(result chan<- string) {
	result <- "page"
}

func main() {
	result := make(chan string)
	timeout := make(chan struct{})
	go func() {
		close(timeout)
	}()
	go fetch(result)
	select {
	case page := <-result:
		fmt.Println("got", page)
	case <-timeout:
		fmt.Println("gave up")
	}
}
