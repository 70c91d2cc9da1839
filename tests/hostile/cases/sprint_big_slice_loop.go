// hostile: fmt.Sprint of a 1,000,000-element slice in an endless loop: the formatting work is metered
// cpu: 4.5
// expect: limit
// message: step limit
// message: line 14,
package main

import "fmt"

func main() {
	s := make([]int, 1000000)
	n := 0
	for {
		n += len(fmt.Sprint(s))
	}
}
