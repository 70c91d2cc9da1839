// Complex numbers are not ordered: < is a compile error.
package main

import "fmt"

func main() {
	c := complex(1, 2)
	d := 3 + 4i
	fmt.Println(c < d)
}
