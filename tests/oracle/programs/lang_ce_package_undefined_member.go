// A member that the package does not export.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.Reverse("abc"))
}
