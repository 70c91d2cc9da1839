// log.Panicln logs then panics with the same message; deferred calls can recover it.
package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicln("first", 1)
	}()
	log.Panicf("second %d", 2)
}
