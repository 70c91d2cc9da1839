// Racy: two goroutines append to one slice variable.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var s []int
	wg.Add(2)
	go func() {
		defer wg.Done()
		s = append(s, 1)
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		s = append(s, 2)
	}()
	wg.Wait()
	fmt.Println(len(s))
}
