// main receives from a channel that was never made.
package main

import "fmt"

func main() {
	var results chan int
	fmt.Println("waiting")
	fmt.Println(<-results)
}
