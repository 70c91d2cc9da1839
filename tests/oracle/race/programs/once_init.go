// Race-free twin of double_checked_locking: sync.Once runs the initialisation once, and every
// Do returns after it.
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
	once sync.Once
	conn *Conn
)

func get() *Conn {
	once.Do(func() {
		conn = &Conn{id: 1}
	})
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
		fmt.Println(get().id)
	}()
	wg.Wait()
}
