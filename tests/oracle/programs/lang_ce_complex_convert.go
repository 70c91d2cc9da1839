// A complex constant with an imaginary part does not convert to int.
package main

import "fmt"

func main() {
	fmt.Println(int(2i))
}
