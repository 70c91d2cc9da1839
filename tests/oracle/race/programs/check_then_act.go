// Racy: check-then-act on a balance; the second goroutine's check reads what the first wrote.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	balance := 10
	withdraw := func() {
		defer wg.Done()
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
