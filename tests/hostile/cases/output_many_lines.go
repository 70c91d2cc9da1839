// hostile: 20,000 short lines: only 10,000 kept, then the notice with the total
// expect: exit
// stdout: output truncated
// stdout: 20000 lines
package main

import "fmt"

func main() {
	for i := 0; i < 20000; i++ {
		fmt.Println(i)
	}
}
