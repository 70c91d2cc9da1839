// hostile: fmt.Sprint of a 1,000,000-element slice in an endless loop: the formatting work is metered
// expect: limit
// message: step limit
// message: line 13,
package main

import "fmt"

func main() {
	s := make([]int, 1000000)
	n := 0
	for {
		n += len(fmt.Sprint(s))
	}
}
