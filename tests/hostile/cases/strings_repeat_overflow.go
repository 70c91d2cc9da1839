// hostile: strings.Repeat("ab", 1<<62) panics as Go's does
// expect: panic
// message: strings: Repeat output length overflow
package main

import "strings"

func main() {
	_ = strings.Repeat("ab", 1<<62)
}
