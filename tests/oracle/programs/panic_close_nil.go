// Closing a channel that was never made panics.
package main

import "fmt"

type worker struct {
	stop chan struct{}
}

func main() {
	w := &worker{}
	fmt.Println("stopping worker")
	close(w.stop)
}
