// hostile: Sprintf with a 1M-element slice expanded as arguments
// expect: exit
package main

import "fmt"

func main() {
	args := make([]any, 1000000)
	s := fmt.Sprint(args...)
	fmt.Println(len(s) > 0)
}
