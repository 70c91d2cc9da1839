// hostile: an endless output flood: 1 MB kept, the rest counted
// expect: limit
// report: output_truncated=true
package main

import "fmt"

func main() {
	for {
		fmt.Println("all work and no play makes jack a dull boy")
	}
}
