// sync.Once runs its function exactly once however many goroutines ask.
package main

import (
	"fmt"
	"sync"
)

type config struct{ loaded int }

func main() {
	var once sync.Once
	var cfg config
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { cfg.loaded++ })
		}()
	}
	wg.Wait()
	once.Do(func() { cfg.loaded += 100 })
	fmt.Println("loaded", cfg.loaded, "time(s)")
}
