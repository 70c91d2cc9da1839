// hostile: the builtin println in an endless loop
// cpu: 8
// expect: limit
package main

func main() {
	for i := 0; ; i++ {
		println("line", i)
	}
}
