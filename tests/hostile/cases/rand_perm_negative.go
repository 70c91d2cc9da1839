// hostile: rand.Perm(-1) panics as Go's does
// expect: panic
// message: runtime error: makeslice: len out of range
package main

import "math/rand"

func main() {
	n := -1
	_ = rand.Perm(n)
}
