// Racy: main reads a worker's result before wg.Wait instead of after it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	result := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		result = 7
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println(result)
	wg.Wait()
}
