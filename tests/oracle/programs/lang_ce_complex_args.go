// complex wants two floats of one type.
package main

import "fmt"

func main() {
	x := 1.5
	var y float32 = 2
	fmt.Println(complex(x, y))
}
