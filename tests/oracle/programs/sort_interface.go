// sort.Sort and sort.Stable through sort.Interface, value and pointer receivers, calling Less
// exactly as often as Go does on short inputs.
package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type people struct {
	names []string
	ages  []int
	calls int
}

func (p *people) Len() int { return len(p.names) }
func (p *people) Less(i, j int) bool {
	p.calls++
	return p.ages[i] < p.ages[j]
}
func (p *people) Swap(i, j int) {
	p.names[i], p.names[j] = p.names[j], p.names[i]
	p.ages[i], p.ages[j] = p.ages[j], p.ages[i]
}

func main() {
	words := []string{"ccc", "a", "bb", "dd", "e"}
	sort.Sort(byLen(words))
	fmt.Println(words)
	p := &people{names: []string{"ann", "bob", "cy", "dan"}, ages: []int{40, 20, 30, 20}}
	sort.Stable(p)
	fmt.Println(p.names, p.ages, p.calls)
	var si sort.Interface = byLen(words)
	fmt.Println(si.Len())
}
