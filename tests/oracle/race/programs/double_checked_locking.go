// Racy: double-checked locking; the unlocked first check reads what another goroutine wrote
// under the lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Conn struct {
	id int
}

var (
	mu   sync.Mutex
	conn *Conn
)

func get() *Conn {
	if conn == nil {
		mu.Lock()
		if conn == nil {
			c := new(Conn)
			conn = c
		}
		mu.Unlock()
	}
	return conn
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		get()
	}()
	time.Sleep(5 * time.Millisecond)
	go func() {
		defer wg.Done()
		get()
	}()
	wg.Wait()
	fmt.Println(conn != nil)
}
