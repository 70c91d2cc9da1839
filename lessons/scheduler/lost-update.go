// Two handlers count the same page view. Lesson 15's hits++ is a read, an add
// and a write; here the read and the write are two lines, so you can run
// another goroutine between them.
package main

import (
	"fmt"
	"sync"
)

var hits int

func record(wg *sync.WaitGroup) {
	defer wg.Done()
	n := hits    // read
	hits = n + 1 // write
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go record(&wg)
	go record(&wg)
	wg.Wait()
	fmt.Println("hits:", hits)
	if hits != 2 {
		fmt.Println("lost an update")
	}
}
