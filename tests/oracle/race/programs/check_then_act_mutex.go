// Race-free twin of check_then_act: the check and the update happen under one lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	balance := 10
	withdraw := func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		if balance >= 10 {
			balance -= 10
		}
	}
	wg.Add(2)
	go withdraw()
	time.Sleep(5 * time.Millisecond)
	go withdraw()
	wg.Wait()
	fmt.Println(balance)
}
