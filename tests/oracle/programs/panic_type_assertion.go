// A single-result type assertion to the wrong type panics with both types named.
package main

import "fmt"

func main() {
	var v any = "42"
	if n, ok := v.(int); !ok {
		fmt.Println("comma-ok form:", n, ok)
	}
	n := v.(int)
	fmt.Println(n)
}
