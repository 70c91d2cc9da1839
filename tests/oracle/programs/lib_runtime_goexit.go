// runtime.Goexit ends the calling goroutine after running its deferred calls.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred in goroutine")
		runtime.Goexit()
		fmt.Println("never")
	}()
	wg.Wait()
	fmt.Println("main continues")
}
