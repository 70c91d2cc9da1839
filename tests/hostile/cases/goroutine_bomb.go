// hostile: for { go func() { select {} }() }
// cpu: 2.8
// expect: limit
package main

func main() {
	for {
		go func() { select {} }()
	}
}
