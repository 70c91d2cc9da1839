// hostile: printing 100,000 nested []any with Println (fmt stops at depth 64)
// expect: exit
package main

import "fmt"

func main() {
	var x any = 0
	for i := 0; i < 100000; i++ {
		x = []any{x}
	}
	fmt.Println(x)
}
