package main

// An unread, unclosed response body keeps its connection and the transport's readLoop and
// writeLoop goroutines; closing it (or reading it to EOF) lets the connection go.

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"time"
)

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "payload")
	}))
	tr := &http.Transport{MaxIdleConnsPerHost: 10}
	client := &http.Client{Transport: tr}
	base := runtime.NumGoroutine()
	var kept []*http.Response
	for i := 0; i < 3; i++ {
		resp, err := client.Get(srv.URL)
		if err != nil {
			panic(err)
		}
		kept = append(kept, resp)
	}
	time.Sleep(50 * time.Millisecond)
	// Each unclosed body: a server conn goroutine, a readLoop and a writeLoop.
	fmt.Println("unclosed bodies, extra goroutines:", runtime.NumGoroutine()-base)
	for _, resp := range kept {
		io.ReadAll(resp.Body)
	}
	time.Sleep(50 * time.Millisecond)
	// Read to EOF: back in the pool, still open (3 idle conns, their goroutines alive).
	fmt.Println("read to EOF, extra goroutines:", runtime.NumGoroutine()-base)
	resp, err := client.Get(srv.URL)
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, string(b))
	time.Sleep(50 * time.Millisecond)
	fmt.Println("after reusing a pooled conn:", runtime.NumGoroutine()-base)
	tr.CloseIdleConnections()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("after CloseIdleConnections:", runtime.NumGoroutine()-base)
	srv.Close()
}
