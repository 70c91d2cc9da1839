// hostile: keeps 10 MB byte slices forever: golite's own memory cap (four times the modeled heap: 24 bytes a byte) ends it
// rss: 1300
// cpu: 3
// expect: limit
// message: heap limit
package main

func main() {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 10<<20))
	}
}
