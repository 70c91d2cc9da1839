// hostile: two goroutines passing a value forever
// expect: limit
package main

func main() {
	c := make(chan int)
	go func() {
		for {
			c <- <-c + 1
		}
	}()
	for {
		c <- 1
		<-c
	}
}
