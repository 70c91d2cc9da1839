// A goroutine that forgot to unlock leaves the next one parked on the mutex forever.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	done := make(chan bool)
	go func() {
		mu.Lock()
		fmt.Println("first holds the lock") // and never unlocks
		done <- true
	}()
	<-done
	go func() {
		mu.Lock()
		fmt.Println("never printed")
		mu.Unlock()
	}()
	fmt.Println("main returns")
}
