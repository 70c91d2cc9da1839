// Wrong fix: the copy is made inside the goroutine, after the loop has moved on, so under
// Go 1.21 it copies the last value.
package main

import (
	"fmt"
	"sync"
)

const users = 5 // param: 1..50 "Users"

func main() {
	var names []string
	for i := 1; i <= users; i++ {
		names = append(names, fmt.Sprintf("user%d", i))
	}
	sent := make(map[string]int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, name := range names {
		wg.Add(1)
		go func() {
			name := name // copied inside the goroutine: too late, the loop has moved on
			defer wg.Done()
			<-start // runs after the loop has moved on, as goroutines often do
			mu.Lock()
			sent[name]++ // before Go 1.22: the loop's one name, now the last user
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	reached := 0
	var perUser []int
	for _, n := range names {
		if sent[n] > 0 {
			reached++
		}
		perUser = append(perUser, sent[n])
	}
	fmt.Printf("emailed %d of %d users\n", reached, users)
	fmt.Println("emails per user:", perUser)
}
