// Complex constants are not ordered either.
package main

import "fmt"

func main() {
	fmt.Println(1i > 0)
}
