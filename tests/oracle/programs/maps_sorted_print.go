// Maps: fmt prints them with sorted keys; missing keys give the zero value; delete; comma-ok.
package main

import (
	"fmt"
	"sort"
)

func main() {
	stock := map[string]int{"pear": 4, "apple": 10, "fig": 0}
	fmt.Println(stock, len(stock))
	stock["kiwi"] += 3
	delete(stock, "pear")
	delete(stock, "missing")
	fmt.Println(stock)
	n, ok := stock["fig"]
	fmt.Println(n, ok)
	n, ok = stock["pear"]
	fmt.Println(n, ok)
	byCount := map[int][]string{}
	for name, count := range stock {
		byCount[count] = append(byCount[count], name)
	}
	for _, names := range byCount {
		sort.Strings(names)
	}
	fmt.Println(byCount)
	nested := map[string]map[string]bool{"a": {"x": true}}
	nested["b"] = map[string]bool{}
	fmt.Println(nested, len(nested["zzz"]))
	fmt.Printf("%v %d\n", map[bool]int{true: 1, false: 0}, map[float64]int{2.5: 1, -1: 2})
}
