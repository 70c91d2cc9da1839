// hostile: strings.Repeat of 1 GB is refused before memory is requested
// expect: limit
// message: heap limit
// message: line 13)
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("abcd", 1<<28)
	fmt.Println(len(s))
}
