// RUnlock without RLock is a fatal error: recover cannot catch it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	defer func() { fmt.Println("recovered?", recover()) }()
	mu.RLock()
	mu.RUnlock()
	fmt.Println("balanced")
	mu.RUnlock()
}
