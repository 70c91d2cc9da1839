// hostile: keeps 10 MB byte slices forever: making 10 M values costs 40 M steps, so the second ends it before its memory is asked for
// rss: 1300
// cpu: 3
// expect: limit
// message: line 11, in allocation
package main

func main() {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 10<<20))
	}
}
