// hostile: a width of 1e6 pads a million spaces, no more
// expect: exit
// stdout-len: 1000001
package main

import "fmt"

func main() {
	fmt.Printf("%1000000d\n", 7)
}
