// hostile: Sprintf with an 800,000-element slice (44 M of the 48 M steps) expanded as arguments
// expect: exit
package main

import "fmt"

func main() {
	args := make([]any, 800000)
	s := fmt.Sprint(args...)
	fmt.Println(len(s) > 0)
}
