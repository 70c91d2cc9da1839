package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("hello from", i)
		}()
	}
	fmt.Println("spawned")
	wg.Wait()
	ch := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() { ch <- i }()
	}
	fmt.Println(<-ch, <-ch, <-ch)
}
