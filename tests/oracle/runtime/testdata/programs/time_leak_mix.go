// oracle: durable-mutex
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	ctx := context.Background()
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			select {
			case results <- i:
			case <-ctx.Done():
			}
		}()
	}
	fmt.Println("first", <-results)
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Lock()
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { wg.Wait() }()
	go func() { time.Sleep(time.Hour) }()
	time.Sleep(time.Millisecond)
	fmt.Println("main exits")
}
