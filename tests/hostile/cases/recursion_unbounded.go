// hostile: unbounded recursion ends at the call-depth limit
// expect: limit
package main

import "fmt"

func f(n int) int { return f(n+1) + 1 }

func main() {
	fmt.Println(f(0))
}
