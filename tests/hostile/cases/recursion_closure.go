// hostile: a closure that calls itself forever
// expect: limit
package main

import "fmt"

func main() {
	var f func(int) int
	f = func(n int) int { return f(n+1) + 1 }
	fmt.Println(f(0))
}
