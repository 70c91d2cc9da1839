// hostile: 1,000,000 nested []any, then dropped
// expect: exit
// stdout: done
package main

import "fmt"

func main() {
	var x any = 0
	for i := 0; i < 1000000; i++ {
		x = []any{x}
	}
	_ = x
	fmt.Println("done")
}
