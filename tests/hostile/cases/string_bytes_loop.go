// hostile: string([]byte) of 8 MB in an endless loop: the copy is metered
// expect: limit
// message: step limit
package main

func main() {
	b := make([]byte, 8<<20)
	n := 0
	for {
		n += len(string(b))
	}
}
