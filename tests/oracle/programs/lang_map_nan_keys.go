// Map keys that are NaN: NaN != NaN, so every insertion adds an entry, lookups and deletes
// never find one, range visits each, and only clear removes them. (fmt prints NaN keys in the
// map's random order, so they all hold one value here.)
package main

import (
	"fmt"
	"math"
)

type point struct{ x, y float64 }

func main() {
	nan := math.NaN()
	m := map[float64]string{}
	m[nan] = "n"
	m[nan] = "n"
	m[1] = "one"
	m[nan] = "n"
	fmt.Println(len(m), m)
	v, ok := m[nan]
	fmt.Printf("%q %v\n", v, ok)
	delete(m, nan)
	fmt.Println(len(m))
	n := 0
	for k, v := range m {
		if k != k && v == "n" {
			n++
		}
	}
	fmt.Println("NaN entries ranged:", n)
	m[nan] = "n"
	visited := 0
	for range m {
		visited++
		clear(m) // the entries not reached yet are gone
	}
	fmt.Println("visited after clear:", visited)
	clear(m)
	fmt.Println(len(m), m)

	pm := map[point]int{}
	pm[point{nan, 1}]++
	pm[point{nan, 1}]++
	pm[point{2, 1}]++
	pm[point{2, 1}]++
	fmt.Println(len(pm), pm[point{2, 1}], pm[point{nan, 1}])

	am := map[any]int{nan: 1}
	am[nan] = 2
	am[float32(nan)] = 3
	am["x"] = 4
	fmt.Println(len(am))
	delete(am, "x")
	fmt.Println(len(am))
}
