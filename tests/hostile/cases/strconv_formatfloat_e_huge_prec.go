// hostile: FormatFloat 'e' with precision 1<<30 (a gigabyte of digits) stops at the step or heap limit
// expect: limit
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(len(strconv.FormatFloat(1.5, 'e', 1<<30, 64)))
}
