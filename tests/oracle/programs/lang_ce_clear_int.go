// clear takes a map or a slice; anything else is Go's compile error.
package main

func main() {
	x := 3
	clear(x)
}
