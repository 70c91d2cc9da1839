// hostile: make(map[int]int, 1<<40): a size hint is only a hint
// expect: exit
// stdout: 0
package main

import "fmt"

func main() {
	m := make(map[int]int, 1<<40)
	fmt.Println(len(m))
}
