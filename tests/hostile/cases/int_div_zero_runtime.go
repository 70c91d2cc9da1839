// hostile: integer division by zero at run time
// expect: panic
// message: integer divide by zero
package main

import "fmt"

func main() {
	x := 0
	fmt.Println(1 / x)
}
