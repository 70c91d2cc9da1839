// hostile: a 1M-element array as a map key, hashed in an endless loop
// expect: limit
package main

func main() {
	var a [1 << 20]int
	m := map[[1 << 20]int]int{}
	for {
		m[a]++
	}
}
