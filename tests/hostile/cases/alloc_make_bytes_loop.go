// hostile: make([]byte, 2<<20) in an endless loop (the CI fuzz pass's hang); a step per element made: 3.1 s CPU under load, over the 1 s goal
// expect: limit
// message: step limit
// message: in allocation
package main

func main() {
	n := 0
	for {
		b := make([]byte, 2<<20)
		n += len(b)
	}
}
