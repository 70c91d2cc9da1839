// Panicking with an error value prints its Error(); with a Stringer, not its String.
package main

import (
	"errors"
	"fmt"
)

func main() {
	defer fmt.Println("deferred")
	err := fmt.Errorf("wrap: %w", errors.New("inner"))
	panic(err)
}
