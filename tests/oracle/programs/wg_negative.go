// A worker calls Done twice: the WaitGroup counter goes negative and the program panics.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		fmt.Println("worker finished")
		wg.Done() // one Done too many: the deferred Done panics
	}()
	time.Sleep(time.Second)
	fmt.Println("never printed")
}
