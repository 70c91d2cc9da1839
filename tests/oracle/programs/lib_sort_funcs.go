// sort: Ints, Strings, Slice, SliceStable, Search and the Interface-based Sort.
package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 5), sort.SearchInts(xs, 6))
	ss := []string{"pear", "fig", "apple"}
	sort.Strings(ss)
	fmt.Println(ss)
	people := []struct {
		name string
		age  int
	}{{"a", 30}, {"b", 20}, {"c", 30}, {"d", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	i := sort.Search(100, func(n int) bool { return n*n >= 50 })
	fmt.Println(i)
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
}
