package main

// An idle pooled connection closes after IdleConnTimeout: its readLoop and writeLoop end then.

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
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{IdleConnTimeout: 50 * time.Millisecond}}
	resp, err := client.Get(srv.URL)
	if err != nil {
		panic(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println("idle:", runtime.NumGoroutine())
	time.Sleep(49 * time.Millisecond)
	fmt.Println("at 49ms:", runtime.NumGoroutine())
	time.Sleep(2 * time.Millisecond)
	fmt.Println("at 51ms:", runtime.NumGoroutine())
}
