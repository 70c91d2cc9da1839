// %U and %#U of runes, %q of an error (Go quotes what Error() says).
package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Printf("%U|%#U|%U|%#U|%U\n", 'x', '世', 0x1F600, '\n', -1)
	fmt.Printf("%q|%v\n", errors.New("a \"q\""), fmt.Errorf("w: %w", errors.New("x")))
}
