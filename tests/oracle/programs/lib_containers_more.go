// container/list's zero value is ready to use; container/heap as a priority queue of structs;
// sort.Reverse over a StringSlice; unicode's script tables.
package main

import (
	"container/heap"
	"container/list"
	"fmt"
	"sort"
	"unicode"
)

type item struct {
	name string
	prio int
}

type pq []*item

func (q pq) Len() int            { return len(q) }
func (q pq) Less(i, j int) bool  { return q[i].prio > q[j].prio }
func (q pq) Swap(i, j int)       { q[i], q[j] = q[j], q[i] }
func (q *pq) Push(x any)         { *q = append(*q, x.(*item)) }
func (q *pq) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

func main() {
	var l list.List
	fmt.Println(l.Len(), l.Front() == nil)
	l.PushBack("a")
	l.PushBack("b")
	other := list.New()
	other.PushBack("c")
	l.PushBackList(other)
	l.MoveToBack(l.Front())
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len(), other.Len())

	q := &pq{}
	heap.Push(q, &item{"low", 1})
	heap.Push(q, &item{"high", 9})
	heap.Push(q, &item{"mid", 5})
	for q.Len() > 0 {
		it := heap.Pop(q).(*item)
		fmt.Print(it.name, ":", it.prio, " ")
	}
	fmt.Println()

	names := []string{"bob", "alice", "carol"}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	fmt.Println(names)
	fs := sort.Float64Slice{2.5, -1, 3}
	fs.Sort()
	fmt.Println(fs, sort.IntSlice{3, 1, 2}.Len())

	for _, r := range "aΩЖ世1 ." {
		fmt.Print(unicode.Is(unicode.Latin, r), unicode.Is(unicode.Greek, r),
			unicode.Is(unicode.Cyrillic, r), unicode.Is(unicode.Han, r),
			unicode.In(r, unicode.Letter, unicode.Digit), unicode.Is(unicode.Punct, r), " ")
	}
	fmt.Println()
}
