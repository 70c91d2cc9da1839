// hostile: fmt precision 65536 on a complex number (each part gets every digit, as in Go)
// expect: exit
// stdout-len: 131081
package main

import "fmt"

func main() {
	fmt.Printf("%.65536f\n", 1+1i)
}
