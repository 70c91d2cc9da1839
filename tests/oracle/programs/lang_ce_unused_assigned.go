// Assigning to a variable is not using it: still "declared and not used".
package main

import "fmt"

func main() {
	count := 0
	for i := range 3 {
		count = i
	}
	fmt.Println("done")
}
