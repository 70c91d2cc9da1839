// hostile: strings.Split of 64M one-byte fields (a slice of 64M strings)
// expect: limit
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat(",", 64<<20)
	fmt.Println(len(strings.Split(s, ",")))
}
