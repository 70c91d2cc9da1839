// A collector waits for three workers but only two call Done: the collector never finishes.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i+1) * 10 * time.Millisecond)
		}()
	}
	go func() {
		wg.Wait()
		fmt.Println("all done") // never printed
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("main returns")
}
