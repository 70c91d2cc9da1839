// Three philosophers share three forks. Each picks up the fork on the left,
// then the one on the right, eats, and puts both down.
package main

import (
	"fmt"
	"sync"
)

func philosopher(left, right *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	left.Lock()
	right.Lock()
	// eat
	right.Unlock()
	left.Unlock()
}

func main() {
	var forks [3]sync.Mutex
	var wg sync.WaitGroup
	wg.Add(3)
	go philosopher(&forks[0], &forks[1], &wg) // Plato
	go philosopher(&forks[1], &forks[2], &wg) // Kant
	go philosopher(&forks[2], &forks[0], &wg) // Hume
	wg.Wait()
	fmt.Println("everyone ate")
}
