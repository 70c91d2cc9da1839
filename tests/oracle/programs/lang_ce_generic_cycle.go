// A generic type holding a pointer to itself instantiated with a bigger type argument never ends.
package main

type T[P any] struct{ f *T[[]P] }

func main() {
	var x T[int]
	_ = x
}
