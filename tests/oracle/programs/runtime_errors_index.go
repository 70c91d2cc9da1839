// Indexing past the end of a slice is a runtime panic with the index and the length.
package main

import "fmt"

func main() {
	scores := []int{90, 85, 77}
	for i := 0; i <= 5; i += 2 {
		fmt.Println("score", i, scores[i])
	}
}
