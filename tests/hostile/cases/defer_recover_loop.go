// hostile: panic and recover in an endless loop
// expect: limit
// message: step limit
package main

func f() {
	defer func() { recover() }()
	panic("again")
}

func main() {
	for {
		f()
	}
}
