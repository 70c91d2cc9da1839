// hostile: inserting while ranging over a map
// expect: exit
// stdout: done
package main

import "fmt"

func main() {
	m := map[int]int{0: 0}
	n := 0
	for k := range m {
		if n < 100000 {
			m[k+1000000+n] = 1
		}
		n++
	}
	fmt.Println("done")
}
