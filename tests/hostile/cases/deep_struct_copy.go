// hostile: a deeply nested array type copied in a loop
// cpu: 2
// expect: limit
// message: step limit
package main

type A [4][4][4][4][4][4][4][4][4]int

func main() {
	var a, b A
	for {
		a = b
		b[0][0][0][0][0][0][0][0][0] += a[1][0][0][0][0][0][0][0][0]
	}
}
