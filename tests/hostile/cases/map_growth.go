// hostile: a map grows forever (once 0.5 GB of real memory)
// cpu: 2
// expect: limit
// message: line 10
package main

func main() {
	m := map[int]int{}
	for i := 0; ; i++ {
		m[i] = i
	}
}
