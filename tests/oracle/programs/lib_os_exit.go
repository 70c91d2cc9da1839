// os.Exit ends the program at once with a status: deferred calls do not run, goroutines are
// not waited for.
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	go func() {
		select {}
	}()
	fmt.Println("exiting")
	fmt.Fprintln(os.Stderr, "error: giving up")
	os.Exit(3)
}
