// hostile: a select with default, spinning forever
// cpu: 2
// expect: limit
// message: step limit
package main

func main() {
	c := make(chan int)
	for {
		select {
		case <-c:
		default:
		}
	}
}
