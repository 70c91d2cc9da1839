// hostile: scanning megabyte inputs with huge widths, over and over: each call costs steps in proportion to what it reads, so the loop meets the step limit
// expect: limit
// stdout: 0 strconv.ParseInt: parsing "9999999999
// stdout: 1 <nil> 4194304
package main

import (
	"fmt"
	"strings"
)

func main() {
	digits := strings.Repeat("9", 1<<22)
	var i int
	n, err := fmt.Sscanf(digits, "%999999999d", &i)
	fmt.Println(n, err.Error()[:40])
	var s string
	n, err = fmt.Sscan(digits, &s)
	fmt.Println(n, err, len(s))
	var f float64
	fmt.Sscan(digits, &f)
	var b []byte
	fmt.Sscanf(strings.Repeat("ab", 1<<20), "%x", &b)
	for {
		fmt.Sscan(digits, &s)
	}
}
