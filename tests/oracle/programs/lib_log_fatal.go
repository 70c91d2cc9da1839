// log.Fatal prints to stderr and exits with status 1 at once: deferred calls do not run.
package main

import (
	"fmt"
	"log"
)

func main() {
	defer fmt.Println("never printed")
	fmt.Println("before")
	log.SetFlags(0)
	log.Fatalf("fatal: %s", "config missing")
}
