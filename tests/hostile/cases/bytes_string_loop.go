// hostile: []byte(string) of 8 MB in an endless loop
// expect: limit
// message: step limit
package main

import "strings"

func main() {
	s := strings.Repeat("x", 8<<20)
	n := 0
	for {
		n += len([]byte(s))
	}
}
