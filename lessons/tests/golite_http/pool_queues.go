package main

// A full pool queues the next request: with MaxConnsPerHost 1, the second request waits for
// the first response's body to be closed (at 30ms), then reuses the connection.

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(10 * time.Millisecond)
		fmt.Fprint(w, r.URL.Path)
	}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}}
	start := time.Now()
	first, err := client.Get(srv.URL + "/a")
	if err != nil {
		panic(err)
	}
	go func() {
		time.Sleep(20 * time.Millisecond)
		first.Body.Close()
	}()
	second, err := client.Get(srv.URL + "/b")
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(second.Body)
	second.Body.Close()
	fmt.Println(string(b), time.Since(start))
}
