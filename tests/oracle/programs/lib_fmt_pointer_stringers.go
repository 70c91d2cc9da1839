// fmt calls the String method of a library pointer type: a *strings.Builder and a
// *bytes.Buffer print their text, with %v, %s and %q alike.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	sb.WriteString("hi")
	fmt.Println(&sb)
	var bb bytes.Buffer
	bb.WriteString("yo")
	fmt.Println(&bb)
	fmt.Printf("%s %v %q\n", &sb, &bb, &sb)
	fmt.Println(fmt.Sprint(&sb, &bb), sb.Len())
}
