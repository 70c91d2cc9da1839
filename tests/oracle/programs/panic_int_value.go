// Panicking with a plain integer: Go prints the number, and deferred calls still run first.
package main

import "fmt"

func main() {
	defer fmt.Println("deferred in main")
	func() {
		defer fmt.Println("deferred in the inner function")
		code := 3
		panic(code * 14)
	}()
}
