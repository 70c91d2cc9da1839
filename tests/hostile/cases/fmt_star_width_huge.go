// hostile: a width argument over 1e6 is %!(BADWIDTH)
// expect: exit
// stdout: %!(BADWIDTH)
package main

import "fmt"

func main() {
	fmt.Printf("%*d\n", 1<<40, 7)
}
