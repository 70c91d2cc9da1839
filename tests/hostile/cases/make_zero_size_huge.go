// hostile: make([]struct{}, 1<<40): zero-size elements are never materialised (Go: 0 bytes)
// expect: exit
// stdout: 1099511627776
package main

import "fmt"

func main() {
	s := make([]struct{}, 1<<40)
	fmt.Println(len(s))
}
