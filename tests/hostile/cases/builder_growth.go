// hostile: strings.Builder grows forever
// expect: limit
package main

import "strings"

func main() {
	var b strings.Builder
	for {
		b.WriteString("hello, world")
	}
}
