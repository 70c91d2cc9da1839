// main waits for two workers but Add was called with 3: main blocks in Wait forever.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			_ = i * i // some work
		}()
	}
	fmt.Println("waiting for 3 workers")
	wg.Wait()
	fmt.Println("never printed")
}
