// hostile: NaN keys: every insert is a new key, until the heap limit
// expect: limit
package main

import "math"

func main() {
	m := map[float64]int{}
	for {
		m[math.NaN()]++
	}
}
