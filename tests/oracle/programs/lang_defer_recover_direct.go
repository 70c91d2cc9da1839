// `defer recover()` does not stop a panic: recover only works when called directly by a
// deferred function, and here the deferred function is recover itself.
package main

import "fmt"

func main() {
	defer fmt.Println("deferred print still runs")
	defer recover()
	panic("not recovered")
}
