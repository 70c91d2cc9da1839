// hostile: append doubling forever (once 1.6 GB of real memory)
// expect: limit
// message: step limit
package main

func main() {
	var s []int
	for {
		s = append(s, 1)
	}
}
