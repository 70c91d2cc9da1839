// Generic functions over channels, run in goroutines: a generic pipeline (Generate, Map, Merge)
// and a generic worker pool, as learners write them.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func Generate[T any](xs ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, x := range xs {
			out <- x
		}
	}()
	return out
}

func MapChan[T, U any](in <-chan T, f func(T) U) <-chan U {
	out := make(chan U)
	go func() {
		defer close(out)
		for v := range in {
			out <- f(v)
		}
	}()
	return out
}

func Merge[T any](cs ...<-chan T) <-chan T {
	var wg sync.WaitGroup
	out := make(chan T)
	for _, c := range cs {
		wg.Add(1)
		go func(c <-chan T) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

type Result[T any] struct {
	Val T
	Err error
}

type Pool[In, Out any] struct {
	workers int
	work    func(In) (Out, error)
}

func (p *Pool[In, Out]) Run(jobs []In) []Result[Out] {
	in := make(chan In)
	out := make(chan Result[Out], len(jobs))
	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				v, err := p.work(j)
				out <- Result[Out]{v, err}
			}
		}()
	}
	for _, j := range jobs {
		in <- j
	}
	close(in)
	wg.Wait()
	close(out)
	var rs []Result[Out]
	for r := range out {
		rs = append(rs, r)
	}
	return rs
}

func main() {
	sq := MapChan(Generate(1, 2, 3), func(n int) int { return n * n })
	for v := range sq {
		fmt.Print(v, " ")
	}
	fmt.Println()
	var all []string
	for s := range Merge(Generate("a", "b"), Generate("c")) {
		all = append(all, s)
	}
	sort.Strings(all)
	fmt.Println(all)
	p := &Pool[int, string]{workers: 3, work: func(n int) (string, error) {
		if n < 0 {
			return "", fmt.Errorf("negative: %d", n)
		}
		return fmt.Sprint(n * 10), nil
	}}
	rs := p.Run([]int{1, -2, 3})
	sort.Slice(rs, func(i, j int) bool { return fmt.Sprint(rs[i]) < fmt.Sprint(rs[j]) })
	for _, r := range rs {
		fmt.Printf("%q %v\n", r.Val, r.Err)
	}
	fmt.Printf("%T %T\n", rs[0], p)
}
