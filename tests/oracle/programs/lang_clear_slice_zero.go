// clear(s) sets each element to its type's zero value: a struct of zeros, an array of zeros, a
// nil interface; only the slice's own elements, not the rest of its backing array. golite once
// wrote nil into struct and array elements ({} and []).
package main

import "fmt"

type P struct {
	X int
	S string
	F []int
}

func main() {
	ps := []P{{1, "a", []int{1}}, {2, "b", nil}}
	clear(ps)
	fmt.Println(ps, ps[0].F == nil, len(ps[1].S))
	ps[0].X = 5
	fmt.Println(ps[0], ps[1])

	us := []uint8{1, 2}
	clear(us)
	fmt.Println(us)

	as := [][2]int{{1, 2}, {3, 4}}
	clear(as)
	as[0][1] = 9
	fmt.Println(as)

	es := []error{fmt.Errorf("x")}
	clear(es)
	fmt.Println(es, es[0] == nil)

	ptrs := []*P{{X: 1}}
	clear(ptrs)
	fmt.Println(ptrs[0] == nil)

	fs := []float64{1.5, 2.5, 3.5}
	clear(fs[1:2])
	fmt.Println(fs)

	big := make([]int, 100)
	for i := range big {
		big[i] = i
	}
	clear(big[10:90])
	fmt.Println(big[9], big[10], big[89], big[90])

	var nilSlice []P
	clear(nilSlice)
	fmt.Println(len(nilSlice))
}
