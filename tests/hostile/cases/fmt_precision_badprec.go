// hostile: a precision of 2,000,000 digits: Go prints them all; golite keeps the first 1 MiB
// expect: exit
// stdout: output truncated
// stdout: printed 2000003 bytes in 1 lines
package main

import "fmt"

func main() {
	fmt.Printf("%.2000000f\n", 1.0)
}
