// hostile: two goroutines yielding to each other forever
// expect: limit
package main

import "runtime"

func main() {
	go func() {
		for {
			runtime.Gosched()
		}
	}()
	for {
		runtime.Gosched()
	}
}
