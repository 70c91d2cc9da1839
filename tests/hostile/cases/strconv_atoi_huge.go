// hostile: strconv.Atoi of a 1 MB digit string: an error, not a hang
// expect: exit
// stdout: value out of range
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	_, err := strconv.Atoi(strings.Repeat("9", 1<<20))
	fmt.Println(err != nil, len(err.Error()) > 0)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
}
