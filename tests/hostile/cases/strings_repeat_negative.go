// hostile: strings.Repeat with a negative count panics as Go's does
// expect: panic
// message: strings: negative Repeat count
package main

import "strings"

func main() {
	n := -1
	_ = strings.Repeat("x", n)
}
