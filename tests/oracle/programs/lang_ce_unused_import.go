// An import that is never used does not compile.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("never printed")
}
