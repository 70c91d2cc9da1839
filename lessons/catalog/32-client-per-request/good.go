// A quote service asks a rates backend for every quote. It builds one
// http.Client, with its Transport, at startup and shares it between calls:
// the Transport keeps the connection open after a call and the next call
// reuses it, so one connection (and its reader and writer goroutines) serves
// every quote.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"time"
)

const quotes = 30 // param: 1..100 "Quotes (one every 10ms)"

var client = &http.Client{Transport: &http.Transport{}, Timeout: time.Second}

func rate(url string) (string, error) {
	resp, err := client.Get(url + "/rate")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func main() {
	var mu sync.Mutex
	conns := map[string]bool{} // the client addresses the backend has seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		conns[r.RemoteAddr] = true
		mu.Unlock()
		time.Sleep(2 * time.Millisecond) // look the rate up
		fmt.Fprint(w, "1.08")
	}))
	defer srv.Close()
	ok := 0
	for range quotes {
		if r, err := rate(srv.URL); err == nil && r == "1.08" {
			ok++
		}
		time.Sleep(10 * time.Millisecond)
	}
	fmt.Printf("%d quotes, %d connections, %d goroutines\n", ok, len(conns), runtime.NumGoroutine())
}
