// A function given to sync.OnceFunc that panics panics again, with the same value, on every
// later call.
package main

import "fmt"
import "sync"

func main() {
	f := sync.OnceFunc(func() { panic("init failed") })
	for i := range 2 {
		func() {
			defer func() { fmt.Println(i, "recovered:", recover()) }()
			f()
		}()
	}
}
