// hostile: < on two equal 64 MB strings in an endless loop
// expect: limit
// message: step limit
package main

import "strings"

func main() {
	a := strings.Repeat("y", 64<<20)
	b := strings.Repeat("y", 64<<20)
	n := 0
	for {
		if a < b {
			n++
		}
		n--
	}
}
