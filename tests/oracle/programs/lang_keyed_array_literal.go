// Array and slice literals may key elements by index; the next unkeyed element follows the
// last key, and [...] counts up to the highest index.
package main

import "fmt"

func main() {
	a := [...]int{100, 3: 400, 500}
	fmt.Println(len(a), a)
	s := []string{2: "c", 0: "a", "b"}
	fmt.Println(len(s), s)
	const last = 5
	b := [...]bool{last: true}
	fmt.Println(len(b), b)
	var c = [4]float64{1: 1.5}
	fmt.Println(c)
	days := [...]string{6: "sat", 0: "sun"}
	fmt.Printf("%q\n", days)
}
