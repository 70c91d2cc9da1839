// No report: Go's race detector does not see clear(s) on a slice (the compiler clears the
// memory without instrumenting it), although nothing orders it with the goroutine's write.
// A loop writing the elements would be reported, as slice_same_element.go is.
package main

import (
	"fmt"
	"time"
)

func main() {
	s := make([]int, 4)
	go func() {
		s[2] = 7
	}()
	time.Sleep(10 * time.Millisecond)
	clear(s)
	time.Sleep(10 * time.Millisecond)
	fmt.Println(len(s))
}
