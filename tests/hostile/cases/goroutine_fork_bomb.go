// hostile: every goroutine starts two more
// cpu: 2.7
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
