// hostile: one 64 MB print: 1 MB kept
// expect: exit
// report: output_truncated=true
// stdout-len: 1048576
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Print(strings.Repeat("z", 64<<20))
}
