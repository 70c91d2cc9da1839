// hostile: a map that contains itself, printed (Go overflows its stack; golite stops at depth 64)
// expect: exit
package main

import "fmt"

func main() {
	m := map[string]any{}
	m["self"] = m
	fmt.Println(m)
}
