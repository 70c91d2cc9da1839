// fmt.Fscan on a reader in a program without package io: its errors are errors, even one
// whose text is "EOF".
package main

import (
	"errors"
	"fmt"
)

type once struct{ done bool }

func (o *once) Read(p []byte) (int, error) {
	if o.done {
		return 0, errors.New("EOF")
	}
	o.done = true
	return copy(p, "42 "), nil
}

func main() {
	var v int
	n, err := fmt.Fscan(&once{}, &v)
	fmt.Println(n, err, v)
	n, err = fmt.Fscan(&once{true}, &v)
	fmt.Println(n, err, v)
}
