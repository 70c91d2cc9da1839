// hostile: mutual recursion without end
// expect: limit
package main

import "fmt"

func a(n int) int { return b(n+1) }
func b(n int) int { return a(n+1) }

func main() {
	fmt.Println(a(0))
}
