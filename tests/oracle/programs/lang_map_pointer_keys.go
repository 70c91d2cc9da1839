// A map keyed by pointers keys by address, also when the pointer is to a struct whose fields
// change after insertion, inside a struct key, and inside an interface key: len, range,
// lookup and delete agree. A package-level map, as a library keeps its connections.
package main

import "fmt"

type conn struct {
	id    int
	state string
}

type edge struct {
	from, to *conn
}

var conns = map[*conn]bool{}

func main() {
	c := &conn{id: 1}
	conns[c] = true
	c.state = "active"
	fmt.Println(len(conns))
	n := 0
	for k, v := range conns {
		n++
		fmt.Println(k.id, k.state, v)
	}
	twin := &conn{id: 1, state: "active"}
	fmt.Println(n, conns[c], conns[twin])
	conns[twin] = false
	fmt.Println(len(conns))
	delete(conns, c)
	fmt.Println(len(conns), conns[twin])

	d := &conn{id: 2}
	edges := map[edge]int{{c, d}: 1}
	c.state = "closed"
	fmt.Println(edges[edge{c, d}], edges[edge{d, c}], len(edges))

	seen := map[any]string{c: "c", d: "d", 3: "three"}
	d.id = 20
	fmt.Println(seen[c], seen[d], seen[3], seen[&conn{id: 20}] == "", len(seen))
	for k := range seen {
		if p, ok := k.(*conn); ok && p == d {
			fmt.Println("found d by range", p.id)
		}
	}
}
