// Racy: three workers increment one counter 1000 times each, overlapping in time.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	count := 0
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				count++
			}
		}()
	}
	wg.Wait()
	fmt.Println(count > 0)
}
