// hostile: a map that contains itself, printed
// expect: limit
package main

import "fmt"

func main() {
	m := map[string]any{}
	m["self"] = m
	fmt.Println(m)
}
