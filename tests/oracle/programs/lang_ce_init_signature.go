// func init must have no arguments and no results.
package main

import "fmt"

func init() int {
	return 1
}

func main() {
	fmt.Println("never printed")
}
