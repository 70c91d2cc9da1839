// Two requests need the configuration; the first to arrive loads it. Without
// sync.Once, both can find it missing.
package main

import (
	"fmt"
	"sync"
)

var config map[string]string
var loads int

func getConfig() map[string]string {
	if config == nil {
		loads++
		config = map[string]string{"db": "primary"}
	}
	return config
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for range 2 {
		go func() {
			defer wg.Done()
			getConfig()
		}()
	}
	wg.Wait()
	fmt.Println("loads:", loads)
	if loads > 1 {
		fmt.Println("loaded the config twice")
	}
}
