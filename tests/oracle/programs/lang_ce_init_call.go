// init functions cannot be referred to, not even called.
package main

import "fmt"

func init() {}

func main() {
	init()
	fmt.Println("never printed")
}
