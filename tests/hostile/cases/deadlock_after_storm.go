// hostile: 10,000 goroutines blocked, then main blocks: a deadlock, reported quickly
// expect: deadlock
package main

func main() {
	c := make(chan int)
	for i := 0; i < 10000; i++ {
		go func() { <-c }()
	}
	<-c
}
