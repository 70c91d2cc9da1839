// hostile: the builtin println in an endless loop
// expect: limit
package main

func main() {
	for i := 0; ; i++ {
		println("line", i)
	}
}
