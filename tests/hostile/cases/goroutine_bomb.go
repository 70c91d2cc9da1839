// hostile: for { go func() { select {} }() }
// expect: limit
package main

func main() {
	for {
		go func() { select {} }()
	}
}
