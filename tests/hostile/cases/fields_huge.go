// hostile: strings.Fields of 32 MB of spaces
// expect: exit
// stdout: 0
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(len(strings.Fields(strings.Repeat(" ", 32<<20))))
}
