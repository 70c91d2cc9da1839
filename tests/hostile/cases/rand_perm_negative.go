// hostile: rand.Perm(-1) panics as Go's does
// expect: panic
// message: invalid argument to Perm
package main

import "math/rand"

func main() {
	n := -1
	_ = rand.Perm(n)
}
