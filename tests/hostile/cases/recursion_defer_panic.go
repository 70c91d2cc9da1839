// hostile: each deferred call panics again, a thousand frames deep
// expect: panic
package main

func f(n int) {
	if n == 0 {
		panic("bottom")
	}
	defer func() { panic(n) }()
	f(n - 1)
}

func main() {
	f(1000)
}
