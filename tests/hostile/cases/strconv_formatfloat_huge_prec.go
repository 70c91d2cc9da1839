// hostile: strconv.FormatFloat with 70000 digits of precision
// expect: exit
// stdout-len: 70003
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.FormatFloat(1.5, 'f', 70000, 64))
}
