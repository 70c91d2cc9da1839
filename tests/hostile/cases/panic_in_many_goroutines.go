// hostile: a panic while 100,000 goroutines are parked
// expect: panic
// message: boom
package main

func main() {
	c := make(chan int)
	for i := 0; i < 100000; i++ {
		go func() { <-c }()
	}
	panic("boom")
}
