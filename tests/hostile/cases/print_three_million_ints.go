// hostile: a 3,000,000-element []int formatted once: 6 MB of text, within the step limit (Go prints it in a fraction of a second); the formatting budget must not cut it
// expect: exit
// stdout: 6000001
package main

import "fmt"

func main() {
	s := make([]int, 3000000)
	fmt.Println(len(fmt.Sprint(s)))
}
