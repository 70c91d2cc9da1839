package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	root, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		ctx, c := context.WithTimeout(root, time.Duration(20*(i+1))*time.Millisecond)
		defer c()
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			<-ctx.Done()
			fmt.Println("child", i, ctx.Err(), time.Since(start))
		}()
	}
	wg.Wait()
	<-root.Done()
	fmt.Println("root", root.Err())
}
