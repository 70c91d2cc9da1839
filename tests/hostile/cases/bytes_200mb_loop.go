// hostile: 200 MB byte slices in a loop (once 4.8 GB of real memory: golite holds 24 bytes per byte, so it stops before memory is requested)
// expect: limit
// message: golite stores even a byte or an empty struct as one value
package main

import "fmt"

func main() {
	total := 0
	for i := 0; i < 20; i++ {
		b := make([]byte, 200<<20)
		b[i] = 1
		total += len(b)
	}
	fmt.Println("done", total)
}
