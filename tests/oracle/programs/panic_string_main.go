// panic with a formatted string in main, after deferred calls ran (they do run before the crash).
package main

import (
	"fmt"
	"time"
)

func main() {
	defer fmt.Println("deferred print runs before the crash")
	time.Sleep(3 * time.Second)
	panic(fmt.Sprintf("invalid state %d after %v", 3, 3*time.Second))
}
