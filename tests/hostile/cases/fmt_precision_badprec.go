// hostile: a precision of 2,000,000 digits: Go prints them all; golite keeps the first 1 MiB
// expect: exit
// report: output_truncated=true
// report: output_bytes=2000003
// report: output_lines=1
// stdout-len: 1048576
package main

import "fmt"

func main() {
	fmt.Printf("%.2000000f\n", 1.0)
}
