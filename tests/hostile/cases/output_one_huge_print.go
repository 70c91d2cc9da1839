// hostile: one 64 MB print: 1 MB kept
// expect: exit
// stdout: output truncated
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Print(strings.Repeat("z", 64<<20))
}
