// Race-free: a write before close(done) is visible after a receive that sees the close.
package main

import "fmt"

func main() {
	data := 0
	done := make(chan struct{})
	go func() {
		data = 3
		close(done)
	}()
	<-done
	fmt.Println(data)
}
