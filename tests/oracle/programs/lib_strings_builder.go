// strings.Builder accumulates text without copying; it is an io.Writer.
package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	b.WriteString("hello")
	b.WriteByte(',')
	b.WriteRune('世')
	n, _ := b.Write([]byte(" go"))
	fmt.Fprintf(&b, " %d", 42)
	fmt.Println(b.String(), b.Len(), n)
	b.Reset()
	fmt.Printf("%q %d\n", b.String(), b.Len())
	b.Grow(64)
	for i := range 3 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, i)
	}
	fmt.Println(b.String())
}
