// hostile: NaN keys in an endless loop (golite keeps one NaN key where Go adds one per insert)
// cpu: 2
// expect: limit
// message: line 12)
package main

func main() {
	zero := 0.0
	nan := zero / zero
	m := map[float64]int{}
	for {
		m[nan]++
	}
}
