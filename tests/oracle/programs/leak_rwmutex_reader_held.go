// A reader that never releases its RLock: the writer waits for readers to drain, and a later
// reader queues behind the waiting writer (writers have priority over new readers).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.RLock() // forgot mu.RUnlock()
	go func() {
		mu.Lock()
		mu.Unlock()
	}()
	for mu.TryRLock() { // succeeds until the writer is waiting
		mu.RUnlock()
		runtime.Gosched()
	}
	go func() {
		mu.RLock()
		mu.RUnlock()
	}()
	fmt.Println("main returns holding a read lock")
}
