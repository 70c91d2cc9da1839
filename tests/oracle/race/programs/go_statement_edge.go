// Race-free: writes before a go statement are visible in the new goroutine.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	cfg := map[string]int{"n": 3}
	limit := 5
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println(cfg["n"], limit)
	}()
	wg.Wait()
}
