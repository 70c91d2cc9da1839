// wg.Add inside the goroutine instead of before `go`: main reaches Wait while the counter is
// still zero, so Wait returns at once and main reads results that are not there yet. (A race in
// principle; deterministic here because main does not yield between the go statements and Wait,
// on one P and in golite alike.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i := 0; i < 3; i++ {
		go func() {
			wg.Add(1) // too late: should be before the go statement
			defer wg.Done()
			time.Sleep(10 * time.Millisecond)
			mu.Lock()
			done++
			mu.Unlock()
		}()
	}
	wg.Wait()
	mu.Lock()
	fmt.Println("finished before Wait returned:", done)
	mu.Unlock()
	time.Sleep(time.Second)
	mu.Lock()
	fmt.Println("finished a second later:", done)
	mu.Unlock()
}
