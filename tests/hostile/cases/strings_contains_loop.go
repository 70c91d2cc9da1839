// hostile: strings.Contains over 16 MB in an endless loop
// expect: limit
// message: step limit
package main

import "strings"

func main() {
	s := strings.Repeat("a", 16<<20)
	n := 0
	for {
		if strings.Contains(s, "b") {
			n++
		}
	}
}
