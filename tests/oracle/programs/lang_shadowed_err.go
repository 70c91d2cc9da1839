// := in an inner scope declares a new err that shadows the outer one.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

func parse(s string) (n int, err error) {
	if s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, errors.New("bad number")
		}
		_ = n
	}
	return n, err
}

func main() {
	fmt.Println(parse("12"))
	fmt.Println(parse("x"))
	x := 1
	{
		x := 2
		x++
	}
	fmt.Println(x)
}
