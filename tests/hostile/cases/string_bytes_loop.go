// hostile: string([]byte) of 64 MB in an endless loop: the copy is metered
// expect: limit
// message: step limit
package main

func main() {
	b := make([]byte, 64<<20)
	n := 0
	for {
		n += len(string(b))
	}
}
