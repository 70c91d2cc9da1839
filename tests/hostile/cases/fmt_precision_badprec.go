// hostile: a precision over fmt's 1e6 cap is %!(BADPREC), as Go prints it
// expect: exit
// stdout: %!(BADPREC)
package main

import "fmt"

func main() {
	fmt.Printf("%.2000000f\n", 1.0)
}
