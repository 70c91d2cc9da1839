package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for c := 0; c < 2; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range ch {
				fmt.Println("consumer", c, "got", v)
			}
		}()
	}
	for i := 0; i < 5; i++ {
		ch <- i
		fmt.Println("sent", i)
	}
	close(ch)
	wg.Wait()
}
