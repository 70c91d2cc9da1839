// hostile: defer in an endless loop (once 3.5 GB and 17.7 s)
// expect: limit
package main

func main() {
	for {
		defer func() {}()
	}
}
