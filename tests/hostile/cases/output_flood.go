// hostile: an endless output flood: 1 MB kept, the rest counted
// cpu: 4
// expect: limit
// stdout: output truncated
package main

import "fmt"

func main() {
	for {
		fmt.Println("all work and no play makes jack a dull boy")
	}
}
