// hostile: strings.ReplaceAll that multiplies a string by 1000, repeatedly
// expect: limit
// message: heap limit
package main

import "strings"

func main() {
	s := "x"
	for {
		s = strings.ReplaceAll(s, "x", strings.Repeat("x", 1000))
	}
}
