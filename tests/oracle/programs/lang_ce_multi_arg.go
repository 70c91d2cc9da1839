// Passing a multi-valued call whose result does not fit the parameter: Go's compile error.
package main

import "fmt"

func two() (int, bool) { return 1, true }

func take(s string, b bool) { fmt.Println(s, b) }

func main() {
	take(two())
}
