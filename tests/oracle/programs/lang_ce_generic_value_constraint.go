// A generic function assigned to a func(string) string variable gets T = string, which its
// inline union constraint does not allow.
package main

import "fmt"

func Double[T ~int | ~float64](x T) T { return x * 2 }

func main() {
	var f func(string) string = Double
	fmt.Println(f)
}
