// A label nobody jumps to does not compile.
package main

import "fmt"

func main() {
outer:
	for i := range 2 {
		fmt.Println(i)
	}
}
