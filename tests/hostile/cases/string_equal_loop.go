// hostile: == on two 64 MB strings in an endless loop
// expect: limit
// message: step limit
package main

import "strings"

func main() {
	a := strings.Repeat("x", 64<<20)
	b := strings.Repeat("x", 64<<20)
	n := 0
	for {
		if a == b {
			n++
		}
	}
}
