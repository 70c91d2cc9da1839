// Unlocking a mutex that is not locked is a fatal error, not a recoverable panic.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	mu.Lock()
	mu.Unlock()
	fmt.Println("unlocked once")
	mu.Unlock()
}
