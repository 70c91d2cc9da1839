// Storing a value of another type into an atomic.Value panics.
package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var v atomic.Value
	v.Store("text")
	fmt.Println(v.Load())
	v.Store(42)
}
