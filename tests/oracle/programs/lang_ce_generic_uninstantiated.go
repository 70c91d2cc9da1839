// A generic function used as a value needs its type arguments.
package main

import "fmt"

func Identity[T any](x T) T { return x }

func main() {
	f := Identity
	fmt.Println(f(1))
}
