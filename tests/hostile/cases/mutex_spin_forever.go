// hostile: lock and unlock forever
// cpu: 2.5
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
