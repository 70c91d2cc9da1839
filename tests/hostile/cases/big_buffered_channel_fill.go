// hostile: filling a 10M-slot buffered channel of [64]int
// expect: limit
// message: heap limit
package main

func main() {
	c := make(chan [64]int, 10000000)
	for {
		c <- [64]int{}
	}
}
