// A writer that never releases an RWMutex strands both readers (RLock) and writers. A second
// writer waits on the RWMutex's inner writer mutex, so Go reports it as sync.Mutex.Lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	config := map[string]string{"mode": "a"}
	mu.Lock()
	config["mode"] = "b" // forgot mu.Unlock()
	for i := 0; i < 2; i++ {
		go func() {
			mu.RLock()
			defer mu.RUnlock()
			fmt.Println(config["mode"])
		}()
	}
	go func() {
		mu.Lock()
		config["mode"] = "c"
		mu.Unlock()
	}()
	fmt.Println("main returns holding the write lock")
}
