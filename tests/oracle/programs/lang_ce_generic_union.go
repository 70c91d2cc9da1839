// A type argument outside the constraint's union.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Double[T Number](x T) T { return x * 2 }

func main() {
	fmt.Println(Double(2))
	fmt.Println(Double("go"))
}
