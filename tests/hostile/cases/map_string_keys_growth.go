// hostile: a map of growing string keys
// expect: limit
package main

import "strconv"

func main() {
	m := map[string]string{}
	for i := 0; ; i++ {
		k := strconv.Itoa(i)
		m[k] = k + k + k + k
	}
}
