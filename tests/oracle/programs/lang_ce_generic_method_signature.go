// A type argument whose method has the constraint's name but another signature does not
// satisfy it: types2 names the method and shows both signatures.
package main

import "fmt"

type Count struct{ n int }

func (c Count) String() int { return c.n }

func Show[T fmt.Stringer](v T) string { return v.String() }

func main() {
	fmt.Println(Show(Count{3}))
}
