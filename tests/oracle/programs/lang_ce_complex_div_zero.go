// Dividing a complex constant by zero is a compile error.
package main

import "fmt"

const c = 1 + 1i

func main() {
	fmt.Println(c / 0)
}
