// Telling a timeout from other errors: errors.As into an interface, net.Error, os.IsTimeout
// and context.DeadlineExceeded's own Timeout method, on a connection's read deadline, an
// http.Client's Timeout and a context's deadline.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

type temporary interface{ Temporary() bool }

type flaky struct{}

func (flaky) Error() string   { return "flaky" }
func (flaky) Temporary() bool { return true }

func main() {
	var t1 interface{ Timeout() bool }
	_, ok := context.DeadlineExceeded.(interface{ Timeout() bool })
	fmt.Println("DeadlineExceeded has Timeout:", ok)
	fmt.Println(errors.As(context.DeadlineExceeded, &t1), t1 != nil && t1.Timeout())
	fmt.Println(os.IsTimeout(context.DeadlineExceeded), os.IsTimeout(context.Canceled))
	var t2 temporary
	err := fmt.Errorf("wrapped: %w", flaky{})
	fmt.Println(errors.As(err, &t2), t2 != nil && t2.Temporary())
	// os.IsTimeout does not look through %w.
	fmt.Println(os.IsTimeout(fmt.Errorf("op: %w", context.DeadlineExceeded)))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	done := make(chan bool)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		<-done
		c.Close()
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	_, err = conn.Read(make([]byte, 10))
	var ne net.Error
	fmt.Println(errors.As(err, &ne), ne != nil && ne.Timeout())
	fmt.Println(errors.Is(err, os.ErrDeadlineExceeded), os.IsTimeout(err))
	conn.Close()
	close(done)

	release := make(chan bool)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
		fmt.Fprintln(w, "late")
	})}
	ln2, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go srv.Serve(ln2)
	client := &http.Client{Timeout: 30 * time.Millisecond}
	_, err = client.Get("http://" + ln2.Addr().String() + "/")
	var ne2 net.Error
	fmt.Println(errors.As(err, &ne2), ne2 != nil && ne2.Timeout(), os.IsTimeout(err))
	close(release)
	srv.Close()
}
