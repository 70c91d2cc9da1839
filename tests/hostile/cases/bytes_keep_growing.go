// hostile: keeps 10 MB byte slices forever: the modeled heap limit ends it, real memory stays close
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
