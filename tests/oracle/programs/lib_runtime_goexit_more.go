// runtime.Goexit runs every deferred call of the goroutine, innermost function first; recover
// returns nil during it; the goroutines waiting on it go on.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func inner(wg *sync.WaitGroup) {
	defer fmt.Println("inner deferred")
	defer func() {
		fmt.Println("recover during Goexit:", recover())
	}()
	runtime.Goexit()
	fmt.Println("never")
}

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { results <- fmt.Sprint("worker ", i, " done") }()
			if i == 1 {
				inner(&wg)
			}
			fmt.Println("worker", i, "returns normally")
		}()
		wg.Wait()
	}
	close(results)
	for r := range results {
		fmt.Println(r)
	}
	fmt.Println("main returns")
}
