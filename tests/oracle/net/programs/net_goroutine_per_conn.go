package main

// A TCP server with a goroutine per connection and no read deadline: clients that connect and
// never send keep their handler goroutines in IO wait; with a deadline they are let go.

import (
	"bufio"
	"fmt"
	"net"
	"runtime"
	"strings"
	"sync"
	"time"
)

func serve(ln net.Listener, deadline time.Duration, wg *sync.WaitGroup) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			if deadline > 0 {
				c.SetReadDeadline(time.Now().Add(deadline))
			}
			line, err := bufio.NewReader(c).ReadString('\n')
			if err != nil {
				return
			}
			c.Write([]byte(strings.ToUpper(line)))
		}()
	}
}

func run(deadline time.Duration) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	go serve(ln, deadline, &wg)
	var silent []net.Conn
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		silent = append(silent, c)
	}
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	fmt.Fprintf(c, "hello\n")
	reply, err := bufio.NewReader(c).ReadString('\n')
	fmt.Printf("reply %q %v\n", reply, err)
	c.Close()
	time.Sleep(100 * time.Millisecond)
	// The accept loop and the handlers still waiting for a line.
	fmt.Println("deadline", deadline, "goroutines", runtime.NumGoroutine())
	ln.Close()
	for _, s := range silent {
		s.Close()
	}
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("after closing: goroutines", runtime.NumGoroutine())
}

func main() {
	run(0)
	run(30 * time.Millisecond)
}
