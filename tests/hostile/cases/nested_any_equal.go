// hostile: == on two 100,000-deep nested interface values (compared with a work list, no recursion)
// expect: exit
// stdout: true
package main

import "fmt"

type box struct{ v any }

func main() {
	var x, y any = 0, 0
	for i := 0; i < 100000; i++ {
		x = box{x}
		y = box{y}
	}
	fmt.Println(x == y)
}
