package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	for i := 0; i < 2; i++ {
		go func() {
			time.Sleep(time.Duration(i+1) * time.Millisecond)
			fmt.Println("done", i)
			wg.Done()
		}()
	}
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("unreachable")
}
