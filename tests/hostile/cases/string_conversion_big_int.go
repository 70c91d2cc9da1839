// hostile: string(rune(x)) with out-of-range values
// expect: exit
package main

import "fmt"

func main() {
	x := 1 << 40
	s := string(rune(x))
	fmt.Println(len(s))
}
