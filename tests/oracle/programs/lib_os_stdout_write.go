// os.Stdout and os.Stderr are *os.File values with Write and WriteString.
package main

import (
	"fmt"
	"os"
)

func main() {
	n, err := os.Stdout.WriteString("direct write\n")
	fmt.Println(n, err)
	os.Stdout.Write([]byte("bytes write\n"))
	os.Stderr.WriteString("to stderr\n")
	fmt.Printf("%T\n", os.Stdout)
}
