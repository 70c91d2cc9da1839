// hostile: 20,000 short lines: only 10,000 kept, the total counted
// expect: exit
// report: output_truncated=true
// report: output_lines=20000
// report: output_bytes=108890
package main

import "fmt"

func main() {
	for i := 0; i < 20000; i++ {
		fmt.Println(i)
	}
}
