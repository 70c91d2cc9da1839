// oracle: durable-mutex
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	ch := make(chan int)
	mu.Lock()
	go func() {
		mu.Lock()
		ch <- 1
	}()
	fmt.Println("waiting")
	<-ch
}
