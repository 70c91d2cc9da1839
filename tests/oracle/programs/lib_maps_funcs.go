// maps: Equal, Clone, Copy, DeleteFunc, EqualFunc.
package main

import (
	"fmt"
	"maps"
	"strings"
)

func main() {
	a := map[string]int{"x": 1, "y": 2}
	b := maps.Clone(a)
	fmt.Println(maps.Equal(a, b))
	b["z"] = 3
	fmt.Println(maps.Equal(a, b), len(a), len(b))
	maps.Copy(a, map[string]int{"y": 20, "w": 0})
	fmt.Println(a)
	maps.DeleteFunc(a, func(k string, v int) bool { return v == 0 })
	fmt.Println(a)
	c := map[string]string{"x": "ONE"}
	d := map[string]string{"x": "one"}
	fmt.Println(maps.EqualFunc(c, d, strings.EqualFold))
	var nilMap map[string]int
	fmt.Println(maps.Equal(nilMap, map[string]int{}), maps.Clone(nilMap) == nil)
}
