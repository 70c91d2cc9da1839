// Ranging over a nil *[N]T with a value variable must read the elements: a nil dereference.
package main

import "fmt"

func main() {
	var p *[4]int
	fmt.Println(len(p))
	for i, v := range p {
		fmt.Println(i, v)
	}
}
