// A wrong fix of lesson 33-conn-without-deadline (bad.go edited): it sets a write deadline, which does not bound the read the handler waits in.
// A line-protocol server starts a goroutine per connection and reads the
// client's command with no read deadline. A client that connects and never
// sends (a crashed peer, a stalled mobile link, a slowloris attacker) keeps
// its handler goroutine and its connection waiting forever: they add up until
// the server runs out of memory or file descriptors.
package main

import (
	"bufio"
	"fmt"
	"net"
	"runtime"
	"strings"
	"sync"
	"time"
)

const clients = 20 // param: 1..100 "Clients that send a command (one every 10ms)"
const silent = 5   // param: 0..50 "Clients that connect and never send"

type stats struct {
	mu                       sync.Mutex
	waiting, served, dropped int
}

func (s *stats) count(counter *int, delta int) {
	s.mu.Lock()
	*counter += delta
	s.mu.Unlock()
}

func handle(c net.Conn, st *stats) {
	defer c.Close()
	st.count(&st.waiting, 1)
	c.SetWriteDeadline(time.Now().Add(100 * time.Millisecond)) // a slow client is let go
	line, err := bufio.NewReader(c).ReadString('\n') // waits as long as the client does
	st.count(&st.waiting, -1)
	if err != nil {
		st.count(&st.dropped, 1)
		return
	}
	c.Write([]byte(strings.ToUpper(line)))
	st.count(&st.served, 1)
}

func serve(ln net.Listener, st *stats) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go handle(c, st)
	}
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	st := &stats{}
	go serve(ln, st)
	var idle []net.Conn
	for range silent { // connect, then say nothing
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		idle = append(idle, c)
	}
	for i := range clients {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(c, "quote %d\n", i)
		bufio.NewReader(c).ReadString('\n')
		c.Close()
		time.Sleep(10 * time.Millisecond)
	}
	ln.Close()                         // stop taking connections
	time.Sleep(500 * time.Millisecond) // and give the handlers time to finish
	st.mu.Lock()
	fmt.Printf("%d served, %d dropped, %d handlers waiting, %d goroutines\n",
		st.served, st.dropped, st.waiting, runtime.NumGoroutine())
	st.mu.Unlock()
}
