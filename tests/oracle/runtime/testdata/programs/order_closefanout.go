package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			fmt.Println("runner", i)
		}()
	}
	fmt.Println("ready")
	close(start)
	wg.Wait()
}
