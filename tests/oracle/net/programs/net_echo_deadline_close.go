package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
			return
		}
		buf := make([]byte, 64)
		n, err := c.Read(buf)
		fmt.Printf("server read %q %v\n", buf[:n], err)
		c.Write([]byte("pong"))
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	c.Write([]byte("ping"))
	b, err := io.ReadAll(c)
	fmt.Printf("client read %q %v\n", b, err)
	<-done
	// A read deadline.
	c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	_, err = c.Read(make([]byte, 1))
	fmt.Println("after close by peer:", err)
	c.Close()
	_, err = c.Read(make([]byte, 1))
	fmt.Println(errors.Is(err, net.ErrClosed))
	err = c.Close()
	fmt.Println(err != nil)

	ln2, _ := net.Listen("tcp", "127.0.0.1:0")
	go func() {
		s, _ := ln2.Accept()
		time.Sleep(100 * time.Millisecond)
		s.Close()
	}()
	c2, _ := net.Dial("tcp", ln2.Addr().String())
	c2.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	start := time.Now()
	_, err = c2.Read(make([]byte, 1))
	fmt.Println(errors.Is(err, os.ErrDeadlineExceeded), time.Since(start) >= 30*time.Millisecond)
	var ne net.Error
	fmt.Println(errors.As(err, &ne) && ne.Timeout())
	ln.Close()
	_, err = ln.Accept()
	fmt.Println(errors.Is(err, net.ErrClosed))
	_, err = net.Dial("tcp", "127.0.0.1:1")
	fmt.Println(err)
}
