// os.Exit(0) from inside a function ends the program successfully.
package main

import (
	"fmt"
	"os"
)

func check(n int) {
	if n > 2 {
		fmt.Println("done at", n)
		os.Exit(0)
	}
}

func main() {
	for i := 0; ; i++ {
		check(i)
	}
}
