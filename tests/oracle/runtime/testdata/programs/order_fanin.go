package main

import "fmt"

func producer(name string, n int) <-chan string {
	ch := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			ch <- fmt.Sprint(name, i)
		}
		close(ch)
	}()
	return ch
}

func main() {
	a := producer("a", 3)
	b := producer("b", 3)
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			fmt.Println(v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			fmt.Println(v)
		}
	}
}
