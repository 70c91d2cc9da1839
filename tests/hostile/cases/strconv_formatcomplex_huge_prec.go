// hostile: strconv.FormatComplex with 70000 digits of precision for each part
// expect: exit
// stdout-len: 140009
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.FormatComplex(1.5+1.5i, 'f', 70000, 128))
}
