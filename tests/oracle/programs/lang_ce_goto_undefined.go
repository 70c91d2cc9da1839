// goto naming a label the function does not have is a compile error.
package main

import "fmt"

func main() {
	fmt.Println("a")
	goto nowhere
}
