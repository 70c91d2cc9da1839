// hostile: 100 goroutines each recursing without end
// cpu: 2
// expect: limit
package main

func f(n int) int { return f(n+1) + 1 }

func main() {
	for i := 0; i < 100; i++ {
		go f(0)
	}
	select {}
}
