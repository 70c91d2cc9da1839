// hostile: strings.Builder writes its own contents back (doubling)
// expect: limit
// message: heap limit
package main

import "strings"

func main() {
	var b strings.Builder
	b.WriteString("x")
	for {
		b.WriteString(b.String())
	}
}
