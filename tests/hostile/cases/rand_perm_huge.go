// hostile: rand.Perm(1<<40) is refused before memory is requested
// expect: limit
// message: heap limit
// message: line 13)
package main

import (
	"fmt"
	"math/rand"
)

func main() {
	p := rand.Perm(1 << 40)
	fmt.Println(len(p))
}
