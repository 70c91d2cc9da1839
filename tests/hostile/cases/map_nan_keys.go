// hostile: NaN keys in an endless loop (each insert adds a key, as in Go: the map grows until a limit)
// cpu: 2
// expect: limit
// message: line 12
package main

func main() {
	zero := 0.0
	nan := zero / zero
	m := map[float64]int{}
	for {
		m[nan]++
	}
}
