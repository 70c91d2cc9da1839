// hostile: s += "x" a million times copies quadratically: metered
// expect: limit
package main

import "fmt"

func main() {
	s := ""
	for i := 0; i < 10000000; i++ {
		s += "x"
	}
	fmt.Println(len(s))
}
