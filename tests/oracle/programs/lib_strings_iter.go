// Iterator functions of strings (Go 1.24): SplitSeq, FieldsSeq and Lines.
package main

import (
	"fmt"
	"strings"
)

func main() {
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Print(part, ";")
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  x  y z ") {
		fmt.Printf("%q ", f)
	}
	fmt.Println()
	for line := range strings.Lines("one\ntwo\nthree") {
		fmt.Printf("%q\n", line)
	}
}
