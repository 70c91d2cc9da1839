// hostile: make(chan int, 1<<40) is refused by the heap model
// expect: limit
// message: heap limit
package main

import "fmt"

func main() {
	c := make(chan int, 1<<40)
	fmt.Println(cap(c))
}
