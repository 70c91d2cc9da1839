// A batch function sends each result on a channel from a producer goroutine
// and reads them back in the caller, so sender and receiver run side by side.
package main

import (
	"fmt"
	"time"
)

const images = 5 // param: 1..20 "Images in the batch"
const buffer = 0 // param: 0..10 "Channel buffer"

func resize(id int) string {
	time.Sleep(5 * time.Millisecond)
	return fmt.Sprintf("thumb-%d.jpg", id)
}

func resizeAll(n int) []string {
	out := make(chan string, buffer)
	go func() {
		for i := range n {
			out <- resize(i) // the caller is receiving below
		}
		close(out)
	}()

	var thumbs []string
	for t := range out {
		thumbs = append(thumbs, t)
	}
	return thumbs
}

func main() {
	thumbs := resizeAll(images)
	fmt.Printf("resized %d images\n", len(thumbs))
}
