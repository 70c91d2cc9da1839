// hostile: a method calling itself through an interface
// expect: limit
package main

import "fmt"

type I interface{ M(int) int }
type T struct{}

func (t T) M(n int) int {
	var i I = t
	return i.M(n+1) + 1
}

func main() {
	fmt.Println(T{}.M(0))
}
