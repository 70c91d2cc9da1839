// hostile: fmt precision 65536 (Go prints every digit; golite once panicked in its formatter)
// expect: exit
// stdout-len: 65539
package main

import "fmt"

func main() {
	fmt.Printf("%.65536f\n", 1.0)
}
