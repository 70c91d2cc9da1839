// hostile: lock and unlock forever
// expect: limit
package main

import "sync"

func main() {
	var mu sync.Mutex
	for {
		mu.Lock()
		mu.Unlock()
	}
}
