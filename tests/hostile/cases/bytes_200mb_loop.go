// hostile: 200 MB byte slices in a loop (once 4.8 GB of real memory). golite stores bytes as bytes; the old slice is still held by `b` while the next is made, so the second passes the 256 MB modeled heap, before memory is requested
// expect: limit
// message: the modeled heap would pass 268435456 bytes (209715200 more bytes asked for at line 11)
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
