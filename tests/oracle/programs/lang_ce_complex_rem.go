// % is not defined on complex values.
package main

import "fmt"

func main() {
	c := 5 + 5i
	fmt.Println(c % 2)
}
