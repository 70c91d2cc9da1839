// A wrong fix of lesson 07-unbuffered-deadlock (bad.go edited): it gives the channel a buffer of one.
// A batch function sends each result on a channel and reads them back later,
// in the same goroutine. A send blocks until someone receives, and the only
// receiver is this goroutine, further down.
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
	out := make(chan string, 1) // room for a result
	for i := range n {
		out <- resize(i) // blocks once the buffer is full
	}
	close(out)

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
