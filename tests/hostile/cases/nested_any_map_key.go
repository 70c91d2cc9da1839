// hostile: a 100,000-deep nested struct as a map key (keyed by identity below depth 200)
// expect: exit
// stdout: 1
package main

import "fmt"

type box struct{ v any }

func main() {
	var x any = 0
	for i := 0; i < 100000; i++ {
		x = box{x}
	}
	m := map[any]int{}
	m[x] = 1
	fmt.Println(len(m))
}
