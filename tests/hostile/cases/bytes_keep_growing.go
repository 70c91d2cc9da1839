// hostile: keeps 10 MB byte slices forever: the modeled heap limit ends it (bytes are stored as bytes: 10 MB each)
// expect: limit
// message: heap limit
package main

func main() {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 10<<20))
	}
}
