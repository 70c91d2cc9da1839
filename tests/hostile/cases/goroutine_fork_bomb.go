// hostile: every goroutine starts two more
// expect: limit
package main

func f() {
	go f()
	go f()
	select {}
}

func main() {
	f()
}
